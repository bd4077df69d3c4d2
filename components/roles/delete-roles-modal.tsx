"use client";

import Box from "@cloudscape-design/components/box";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { DeleteModal } from "@/components/common/delete-modal";
import { RoleDependencies } from "./role-dependencies";

/** Type-the-name confirmation (or "delete" for several roles), saying what the console removes first. */
export function DeleteRolesModal(props: { roleNames: string[]; visible: boolean; onCancel: () => void; onConfirm: () => void }) {
  const single = props.roleNames.length === 1;
  return (
    <DeleteModal
      visible={props.visible}
      title={single ? `Delete ${props.roleNames[0]}?` : `Delete ${props.roleNames.length} roles?`}
      confirmText={single ? props.roleNames[0] : "delete"}
      onCancel={props.onCancel}
      onConfirm={props.onConfirm}
    >
      <SpaceBetween size="s">
        <Box>
          {single ? "This role" : `These roles (${props.roleNames.join(", ")})`} will be deleted permanently. Before deleting a role, IAM
          removes it from its instance profiles, detaches its managed policies and deletes its inline policies.
        </Box>
        {single && props.visible && <RoleDependencies roleName={props.roleNames[0]} />}
      </SpaceBetween>
    </DeleteModal>
  );
}
