"use client";

import Box from "@cloudscape-design/components/box";
import { useNotify } from "@/components/shell/shell-context";
import { useDeleteOrgPolicy } from "@/lib/queries/organizations-mutations";
import { TypedConfirmModal } from "./typed-confirm-modal";

/** DeletePolicy, confirmed by typing the name; a policy still attached gets AWS's PolicyInUse, shown here. */
export function DeleteOrgPolicyModal({
  policy,
  onClose,
  onDeleted,
}: {
  policy: { id: string; name: string };
  onClose: () => void;
  onDeleted: () => void;
}) {
  const notify = useNotify();
  const remove = useDeleteOrgPolicy();
  const confirm = () =>
    remove.mutate(policy.id, {
      onSuccess: () => {
        notify({ type: "success", content: `Policy ${policy.name} was deleted.` });
        onClose();
        onDeleted();
      },
    });
  return (
    <TypedConfirmModal
      title={`Delete ${policy.name}?`}
      action="Delete policy"
      confirmText={policy.name}
      busy={remove.isPending}
      error={remove.error}
      testId="delete-org-policy-confirm"
      onCancel={onClose}
      onConfirm={confirm}
    >
      <Box>
        Deleting {policy.name} ({policy.id}) is permanent. AWS deletes only a policy that is attached to no root, OU or account: detach it
        from its targets first.
      </Box>
    </TypedConfirmModal>
  );
}
