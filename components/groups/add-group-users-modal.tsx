"use client";

import Alert from "@cloudscape-design/components/alert";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useMemo, useState } from "react";
import { ModalFooter } from "@/components/common/modal-footer";
import { useNotify } from "@/components/shell/shell-context";
import { ApiError } from "@/lib/queries/api";
import { useAddUsersToGroup, useGroupUsers } from "@/lib/queries/groups";
import { UsersSelector } from "./users-selector";

/** "Add users to group": pick users (members are shown but not selectable); all are added, or none. Mounted while open. */
export function AddGroupUsersModal({ groupName, onClose }: { groupName: string; onClose: () => void }) {
  const notify = useNotify();
  const add = useAddUsersToGroup(groupName);
  const members = useGroupUsers(groupName);
  const memberNames = useMemo(() => new Set((members.data ?? []).map((u) => u.userName.toLowerCase())), [members.data]);
  const [selected, setSelected] = useState<string[]>([]);
  const error = add.error instanceof ApiError ? add.error : undefined;

  const confirm = () =>
    add.mutate(selected, {
      onSuccess: (r) => {
        notify({ type: "success", header: `Added ${r.added.length} user${r.added.length === 1 ? "" : "s"} to ${groupName}.` });
        onClose();
      },
    });

  return (
    <Modal
      visible
      size="large"
      onDismiss={onClose}
      header={`Add users to ${groupName}`}
      footer={
        <ModalFooter onCancel={onClose} onConfirm={confirm} disabled={!selected.length} busy={add.isPending} testId="add-users-confirm">
          Add users
        </ModalFooter>
      }
    >
      <SpaceBetween size="m">
        {error && (
          <Alert type="error" header={`${error.code}: ${error.message}`}>
            <span style={{ whiteSpace: "pre-wrap" }}>{error.fieldErrors?.userNames ?? ""}</span>
          </Alert>
        )}
        <UsersSelector
          variant="embedded"
          title="Other users in this account"
          description="A user can belong to up to 10 groups."
          selected={selected}
          members={memberNames}
          onChange={(names) => (setSelected(names), add.reset())}
        />
      </SpaceBetween>
    </Modal>
  );
}
