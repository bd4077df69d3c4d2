"use client";

import Box from "@cloudscape-design/components/box";
import { ConfirmModal } from "@/components/common/confirm-modal";
import { useNotify } from "@/components/shell/shell-context";
import { useRemoveAccount } from "@/lib/queries/organizations-mutations";

/**
 * RemoveAccountFromOrganization: the account becomes a standalone account. AWS refuses a created account in its
 * wait period and the management account; its words show here. Mount it only while open.
 */
export function RemoveAccountModal({
  account,
  onClose,
  onRemoved,
}: {
  account: { id: string; name: string };
  onClose: () => void;
  onRemoved?: () => void;
}) {
  const notify = useNotify();
  const remove = useRemoveAccount();
  const confirm = () =>
    remove.mutate(account.id, {
      onSuccess: () => {
        notify({ type: "success", content: `AWS account ${account.name} (${account.id}) was removed from your organization.` });
        onClose();
        onRemoved?.();
      },
    });
  return (
    <ConfirmModal
      visible
      title={`Remove ${account.name} from the organization?`}
      action="Remove AWS account"
      busy={remove.isPending}
      error={remove.error}
      testId="remove-account-confirm"
      onCancel={onClose}
      onConfirm={confirm}
    >
      <Box>
        The account {account.name} ({account.id}) leaves the organization and becomes a standalone account: the organization&apos;s policies
        no longer apply to it, and its tags in the organization are deleted.
      </Box>
    </ConfirmModal>
  );
}
