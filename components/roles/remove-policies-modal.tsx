"use client";

import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useState } from "react";
import { ModalFooter } from "@/components/common/modal-footer";
import { useNotify } from "@/components/shell/shell-context";
import { useDeleteRolePolicy, useDetachRolePolicy, type RolePermission } from "@/lib/queries/roles";

/** Detaches the selected managed policies and deletes the selected inline ones; AWS's error stops and is shown. */
export function RemovePoliciesModal(props: {
  roleName: string;
  policies: RolePermission[];
  visible: boolean;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const notify = useNotify();
  const detach = useDetachRolePolicy(props.roleName);
  const deleteInline = useDeleteRolePolicy(props.roleName);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: string; message: string }>();
  const names = props.policies.map((p) => p.policyName);

  const remove = async () => {
    setBusy(true);
    setError(undefined);
    try {
      for (const p of props.policies) {
        if (p.kind === "managed") await detach.mutateAsync(p.policyArn);
        else await deleteInline.mutateAsync(p.policyName);
      }
      notify({ type: "success", content: `Removed ${names.join(", ")} from ${props.roleName}.` });
      props.onRemoved();
      props.onClose();
    } catch (err) {
      const e = err as { code?: string; message: string };
      setError({ code: e.code ?? "Error", message: e.message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      visible={props.visible}
      onDismiss={props.onClose}
      header={names.length === 1 ? `Remove ${names[0]}?` : `Remove ${names.length} policies?`}
      footer={
        <ModalFooter onCancel={props.onClose} onConfirm={() => void remove()} busy={busy} testId="confirm-remove-policies">
          Remove policies
        </ModalFooter>
      }
    >
      <SpaceBetween size="m">
        <Box>
          Managed policies are detached from the role (the policies themselves are kept); inline policies are deleted. Removing permissions
          can break applications that use this role: {names.join(", ")}.
        </Box>
        {error && (
          <Alert type="error" header={error.code}>
            {error.message}
          </Alert>
        )}
      </SpaceBetween>
    </Modal>
  );
}
