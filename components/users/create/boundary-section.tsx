"use client";

import ExpandableSection from "@cloudscape-design/components/expandable-section";
import RadioGroup from "@cloudscape-design/components/radio-group";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { PolicyPicker } from "@/components/policies/policy-picker";

type Props = { useBoundary: boolean; boundary?: string; onChange: (useBoundary: boolean, boundary?: string) => void };

/** "Set permissions boundary - optional": one managed policy that caps what the user's policies can allow. */
export function BoundarySection({ useBoundary, boundary, onChange }: Props) {
  return (
    <ExpandableSection
      variant="container"
      headerText="Set permissions boundary - optional"
      headerDescription="Set a permissions boundary to control the maximum permissions for this user. Use this advanced feature to delegate permission management to others."
      defaultExpanded={useBoundary}
    >
      <SpaceBetween size="l">
        <RadioGroup
          value={useBoundary ? "use" : "none"}
          onChange={(e) => onChange(e.detail.value === "use", e.detail.value === "use" ? boundary : undefined)}
          items={[
            { value: "none", label: "Create user without a permissions boundary" },
            { value: "use", label: "Use a permissions boundary to control the maximum user permissions" },
          ]}
        />
        {useBoundary && (
          <PolicyPicker
            single
            title="Permissions boundary policy"
            selected={boundary ? [boundary] : []}
            onChange={(arns) => onChange(true, arns[0])}
          />
        )}
      </SpaceBetween>
    </ExpandableSection>
  );
}
