"use client";

import Box from "@cloudscape-design/components/box";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useNotify } from "@/components/shell/shell-context";
import { useCloseAccount } from "@/lib/queries/organizations-mutations";
import { TypedConfirmModal } from "./typed-confirm-modal";

/** CloseAccount, confirmed by typing the account ID as AWS's console asks. Mount it only while open. */
export function CloseAccountModal({ account, onClose }: { account: { id: string; name: string }; onClose: () => void }) {
  const notify = useNotify();
  const close = useCloseAccount();
  const confirm = () =>
    close.mutate(account.id, {
      onSuccess: () => {
        notify({
          type: "success",
          content: `AWS account ${account.name} (${account.id}) is closing. Its state is Pending closure until AWS suspends it.`,
        });
        onClose();
      },
    });
  return (
    <TypedConfirmModal
      title={`Close AWS account ${account.name}?`}
      action="Close account"
      confirmText={account.id}
      busy={close.isPending}
      error={close.error}
      testId="close-account-confirm"
      onCancel={onClose}
      onConfirm={confirm}
    >
      <SpaceBetween size="s">
        <Box>
          Closing the account {account.name} ({account.id}) stops its principals from using AWS. It stays in the organization, suspended.
        </Box>
        <Box>After 90 days the account is closed permanently and can&apos;t be reopened.</Box>
      </SpaceBetween>
    </TypedConfirmModal>
  );
}
