"use client";

import Box from "@cloudscape-design/components/box";
import { ConfirmModal } from "@/components/common/confirm-modal";
import { useNotify } from "@/components/shell/shell-context";
import { useLeaveOrganization } from "@/lib/queries/organizations-mutations";

/** LeaveOrganization, for a member account; AWS's refusals (wait period, missing standalone details) show here. */
export function LeaveOrganizationModal({ onClose }: { onClose: () => void }) {
  const notify = useNotify();
  const leave = useLeaveOrganization();
  // Once the account is out, the Organizations pages give way to "Create an organization" and this modal unmounts:
  // the promise still settles, where a mutate() callback would be dropped.
  const confirm = () =>
    leave.mutateAsync().then(
      () => {
        onClose();
        notify({ type: "success", content: "Your account left the organization. It is a standalone account now." });
      },
      () => {},
    );
  return (
    <ConfirmModal
      visible
      title="Leave organization?"
      action="Leave organization"
      busy={leave.isPending}
      error={leave.error}
      testId="leave-organization-confirm"
      onCancel={onClose}
      onConfirm={confirm}
    >
      <Box>
        The organization&apos;s policies stop applying to your account, and you can&apos;t undo this: only a new invitation brings it back.
      </Box>
    </ConfirmModal>
  );
}
