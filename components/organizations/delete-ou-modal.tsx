"use client";

import Box from "@cloudscape-design/components/box";
import { useNotify } from "@/components/shell/shell-context";
import { useDeleteOrganizationalUnit } from "@/lib/queries/organizations-mutations";
import { TypedConfirmModal } from "./typed-confirm-modal";

/** DeleteOrganizationalUnit; an OU with accounts or OUs in it gets AWS's OrganizationalUnitNotEmpty, shown here. */
export function DeleteOuModal({
  ou,
  onClose,
  onDeleted,
}: {
  ou: { id: string; name: string };
  onClose: () => void;
  onDeleted?: () => void;
}) {
  const notify = useNotify();
  const remove = useDeleteOrganizationalUnit();
  const confirm = () =>
    remove.mutate(ou.id, {
      onSuccess: () => {
        notify({ type: "success", content: `Organizational unit ${ou.name} was deleted.` });
        onClose();
        onDeleted?.();
      },
    });
  return (
    <TypedConfirmModal
      title={`Delete ${ou.name}?`}
      action="Delete organizational unit"
      confirmText={ou.name}
      busy={remove.isPending}
      error={remove.error}
      testId="delete-ou-confirm"
      onCancel={onClose}
      onConfirm={confirm}
    >
      <Box>
        Deleting the organizational unit {ou.name} ({ou.id}) removes it and its policy attachments. AWS deletes only an empty OU: move its
        accounts and delete its child OUs first.
      </Box>
    </TypedConfirmModal>
  );
}
