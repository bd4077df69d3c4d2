"use client";

import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useState } from "react";
import { ModalFooter } from "@/components/common/modal-footer";
import { useNotify } from "@/components/shell/shell-context";
import { useDeleteUserPolicy, useDetachUserPolicy } from "@/lib/queries/user-detail";
import type { PermissionPolicy } from "@/lib/server/services/user-permissions";

/** Remove policies attached directly: DetachUserPolicy for managed ones, DeleteUserPolicy for inline ones. */
export function RemovePoliciesModal({
  userName,
  policies,
  onClose,
}: {
  userName: string;
  policies: PermissionPolicy[];
  onClose: () => void;
}) {
  const notify = useNotify();
  const detach = useDetachUserPolicy(userName);
  const deleteInline = useDeleteUserPolicy(userName);
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState<string[]>([]);
  const [failuresFor, setFailuresFor] = useState(policies.length);
  if (failuresFor !== policies.length) {
    setFailuresFor(policies.length);
    setFailures([]);
  }

  const remove = async () => {
    setBusy(true);
    const failed: string[] = [];
    for (const p of policies) {
      try {
        if (p.policyArn) await detach.mutateAsync(p.policyArn);
        else await deleteInline.mutateAsync(p.policyName);
      } catch (err) {
        failed.push(`${p.policyName}: ${(err as { code?: string }).code ?? "Error"}: ${(err as Error).message}`);
      }
    }
    setBusy(false);
    setFailures(failed);
    const removed = policies.length - failed.length;
    if (removed)
      notify({
        type: "success",
        content: `${removed === 1 && policies.length === 1 ? `Policy ${policies[0].policyName}` : `${removed} policies`} removed from ${userName}.`,
      });
    if (!failed.length) onClose();
  };

  const one = policies.length === 1;
  return (
    <Modal
      visible={policies.length > 0}
      onDismiss={onClose}
      header={one ? `Remove ${policies[0].policyName}?` : `Remove ${policies.length} policies?`}
      footer={
        <ModalFooter onCancel={onClose} onConfirm={() => void remove()} busy={busy} testId="confirm-remove-policies">
          Remove {one ? "policy" : "policies"}
        </ModalFooter>
      }
    >
      <SpaceBetween size="m">
        <Box>
          {one ? (
            <>
              Remove <b>{policies[0].policyName}</b> from user <b>{userName}</b>?
            </>
          ) : (
            <>Remove these policies from user {userName}?</>
          )}{" "}
          {policies.some((p) => !p.policyArn) && "Inline policies are deleted; managed policies are only detached."}
        </Box>
        {!one && (
          <ul style={{ margin: 0 }}>
            {policies.map((p) => (
              <li key={p.id}>{p.policyName}</li>
            ))}
          </ul>
        )}
        {failures.length > 0 && (
          <Alert type="error" header="Couldn't remove some policies">
            {failures.map((f) => (
              <div key={f}>{f}</div>
            ))}
          </Alert>
        )}
      </SpaceBetween>
    </Modal>
  );
}
