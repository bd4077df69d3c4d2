"use client";

import Box from "@cloudscape-design/components/box";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { DeleteModal } from "@/components/common/delete-modal";
import { RoleDependencies } from "./role-dependencies";

/**
 * Type-the-name confirmation (or "delete" for several roles), saying what the console removes first, or, for a
 * service-linked role, that IAM deletes it by a task once the linked service no longer uses it.
 */
export function DeleteRolesModal(props: {
  roleNames: string[];
  serviceLinked?: boolean;
  visible: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
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
        {single && props.serviceLinked ? (
          <Box>
            This is a service-linked role. IAM submits a deletion task: the linked service first checks that none of its resources use the
            role, and the role is deleted only if none do.
          </Box>
        ) : (
          <Box>
            {single ? "This role" : `These roles (${props.roleNames.join(", ")})`} will be deleted permanently. Before deleting a role, IAM
            removes it from its instance profiles, detaches its managed policies and deletes its inline policies.
          </Box>
        )}
        {single && props.visible && <RoleDependencies roleName={props.roleNames[0]} />}
      </SpaceBetween>
    </DeleteModal>
  );
}
