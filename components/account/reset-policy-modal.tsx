"use client";

import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useEffect } from "react";
import { ModalFooter } from "@/components/common/modal-footer";
import { useNotify } from "@/components/shell/shell-context";
import { useDeletePasswordPolicy } from "@/lib/queries/account";
import { DEFAULT_POLICY_RULES } from "./policy-rules";

/** DeleteAccountPasswordPolicy, after confirmation: AWS's default policy applies again. */
export function ResetPolicyModal({ visible, onClose }: { visible: boolean; onClose: () => void }) {
  const remove = useDeletePasswordPolicy();
  const notify = useNotify();
  const { reset } = remove;
  useEffect(() => reset(), [visible, reset]);
  return (
    <Modal
      visible={visible}
      onDismiss={onClose}
      header="Reset password policy to default?"
      footer={
        <ModalFooter
          onCancel={onClose}
          onConfirm={() =>
            remove.mutate(undefined, {
              onSuccess: () => {
                notify({ type: "success", content: "The password policy was reset to the IAM default." });
                onClose();
              },
            })
          }
          busy={remove.isPending}
          testId="policy-reset-confirm"
        >
          Reset to default
        </ModalFooter>
      }
    >
      <SpaceBetween size="m">
        <Box>The custom password policy is deleted and IAM users' new passwords must meet AWS&apos;s default policy:</Box>
        <ul style={{ margin: 0 }}>
          {DEFAULT_POLICY_RULES.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
        {remove.error && (
          <Alert type="error" header="Couldn't reset the password policy">
            {remove.error.message}
          </Alert>
        )}
      </SpaceBetween>
    </Modal>
  );
}
