"use client";

import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import { DeleteModal } from "@/components/common/delete-modal";
import { usePolicyVersions, type PolicySummary } from "@/lib/queries/policies";
import { useDeletePolicy } from "./use-delete-policy";

type Props = {
  policy: Pick<PolicySummary, "arn" | "policyName" | "attachmentCount" | "permissionsBoundaryUsageCount">;
  onClose: () => void;
  /** Called as the deletion starts (its progress is in the Flashbar), e.g. to leave the policy's page. */
  onStart?: () => void;
  onDeleted?: () => void;
};

/** Type-the-name confirmation that says what the console removes first (attachments, boundaries, old versions). */
export function DeletePolicyModal({ policy, onClose, onStart, onDeleted }: Props) {
  const versions = usePolicyVersions(policy.arn);
  const deletePolicy = useDeletePolicy();
  const others = (versions.data ?? []).filter((v) => !v.isDefaultVersion).length;
  const uses = policy.attachmentCount + policy.permissionsBoundaryUsageCount;
  const plan = [
    policy.attachmentCount ? `detach it from ${policy.attachmentCount} ${policy.attachmentCount === 1 ? "entity" : "entities"}` : "",
    policy.permissionsBoundaryUsageCount
      ? `remove it as the permissions boundary of ${policy.permissionsBoundaryUsageCount} ${policy.permissionsBoundaryUsageCount === 1 ? "entity" : "entities"}`
      : "",
    others ? `delete its ${others} non-default version${others === 1 ? "" : "s"}` : "",
  ].filter(Boolean);

  return (
    <DeleteModal
      visible
      title={`Delete ${policy.policyName}?`}
      confirmText={policy.policyName}
      onCancel={onClose}
      onConfirm={() => {
        onClose();
        onStart?.();
        void deletePolicy(policy).then((ok) => ok && onDeleted?.());
      }}
    >
      <Box>Deleting this policy permanently removes it from your account. This can&apos;t be undone.</Box>
      {plan.length > 0 && (
        <Alert type="warning" header={uses ? "This policy is in use" : "This policy has other versions"}>
          Before deleting it, the console will {plan.join(", ")}. Entities that rely on it lose the permissions it grants.
        </Alert>
      )}
    </DeleteModal>
  );
}
