"use client";

import ButtonDropdown from "@cloudscape-design/components/button-dropdown";

/** The permissions tab's "Add permissions" menu: attach managed policies, or create an inline policy. */
export function AddPermissionsDropdown(props: { onAttach: () => void; onCreateInline: () => void; disabled?: boolean }) {
  return (
    <ButtonDropdown
      variant="primary"
      disabled={props.disabled}
      items={[
        { id: "attach", text: "Attach policies" },
        { id: "inline", text: "Create inline policy" },
      ]}
      onItemClick={(e) => (e.detail.id === "attach" ? props.onAttach() : props.onCreateInline())}
    >
      Add permissions
    </ButtonDropdown>
  );
}
