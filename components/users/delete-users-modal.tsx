"use client";

import Box from "@cloudscape-design/components/box";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { DeleteModal } from "@/components/common/delete-modal";

const SHOWN = 10;

type Props = { visible: boolean; userNames: string[]; onCancel: () => void; onConfirm: () => void };

/** The AWS console's "Delete users?": type "delete"; each user goes with its password, keys, MFA, groups and policies. */
export function DeleteUsersModal({ visible, userNames, onCancel, onConfirm }: Props) {
  const one = userNames.length === 1;
  return (
    <DeleteModal
      visible={visible}
      title={one ? `Delete ${userNames[0]}?` : `Delete ${userNames.length} users?`}
      confirmText="delete"
      onCancel={onCancel}
      onConfirm={onConfirm}
    >
      <SpaceBetween size="s">
        <Box>
          Permanently delete {one ? "this user" : `these ${userNames.length} users`}? Deleting a user also deletes its console password,
          access keys, MFA devices, inline policies, attached policies and group memberships. This can&apos;t be undone.
        </Box>
        <ul style={{ margin: 0 }} data-testid="delete-users-list">
          {userNames.slice(0, SHOWN).map((n) => (
            <li key={n}>
              <b>{n}</b>
            </li>
          ))}
          {userNames.length > SHOWN && <li>and {userNames.length - SHOWN} more</li>}
        </ul>
      </SpaceBetween>
    </DeleteModal>
  );
}
