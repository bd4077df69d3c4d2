"use client";

import Box from "@cloudscape-design/components/box";
import { ConfirmModal } from "@/components/common/confirm-modal";
import { useNotify } from "@/components/shell/shell-context";
import { useDetachPolicy } from "@/lib/queries/organizations-mutations";

type Props = { policy: { id: string; name: string }; target: { id: string; name: string }; onClose: () => void };

/** DetachPolicy; AWS keeps at least one SCP on every node and never detaches RCPFullAWSAccess: its words show here. */
export function DetachPolicyModal({ policy, target, onClose }: Props) {
  const notify = useNotify();
  const detach = useDetachPolicy();
  const confirm = () =>
    detach.mutate(
      { targetId: target.id, policyId: policy.id },
      {
        onSuccess: () => {
          notify({ type: "success", content: `Policy ${policy.name} was detached from ${target.name}.` });
          onClose();
        },
      },
    );
  return (
    <ConfirmModal
      visible
      title={`Detach ${policy.name}?`}
      action="Detach policy"
      busy={detach.isPending}
      error={detach.error}
      testId="detach-policy-confirm"
      onCancel={onClose}
      onConfirm={confirm}
    >
      <Box>
        {policy.name} no longer applies to {target.name} ({target.id}) directly, nor to the OUs and accounts under it through {target.name}.
      </Box>
    </ConfirmModal>
  );
}
