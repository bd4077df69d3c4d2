"use client";

import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import FormField from "@cloudscape-design/components/form-field";
import Input from "@cloudscape-design/components/input";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useState } from "react";
import { ModalFooter } from "@/components/common/modal-footer";
import { useNotify } from "@/components/shell/shell-context";
import { useDeleteAccessKey, useUpdateAccessKey, type AccessKeySummary } from "@/lib/queries/user-detail";

const codeOf = (e: unknown) => (e as { code?: string }).code ?? "Error";

/**
 * As in the AWS console, an active key must be deactivated before it can be deleted; then the key ID is typed to confirm.
 * Mounted per key (keyed by its ID), so each opening starts fresh.
 */
export function AccessKeyDeleteModal({
  userName,
  accessKey: k,
  onClose,
}: {
  userName: string;
  accessKey?: AccessKeySummary;
  onClose: () => void;
}) {
  const notify = useNotify();
  const remove = useDeleteAccessKey(userName);
  const deactivate = useUpdateAccessKey(userName);
  const [typed, setTyped] = useState("");
  const id = k?.accessKeyId ?? "";
  const active = k?.status === "Active";

  return (
    <Modal
      visible={!!k}
      onDismiss={onClose}
      header={`Delete ${id}?`}
      footer={
        <ModalFooter
          onCancel={onClose}
          onConfirm={() =>
            remove.mutate(id, { onSuccess: () => (notify({ type: "success", content: `Access key ${id} deleted.` }), onClose()) })
          }
          disabled={active || typed !== id}
          busy={remove.isPending}
          testId="delete-access-key-confirm"
        >
          Delete
        </ModalFooter>
      }
    >
      <SpaceBetween size="m">
        <Box>Applications or tools that use this access key will no longer be able to call AWS. This can&apos;t be undone.</Box>
        {active && (
          <Alert
            type="warning"
            header="Deactivate the access key first"
            action={
              <Button
                loading={deactivate.isPending}
                onClick={() => deactivate.mutate({ accessKeyId: id, status: "Inactive" })}
                data-testid="deactivate-in-delete"
              >
                Deactivate
              </Button>
            }
          >
            You must deactivate this access key before you can delete it. Deactivating it first lets you check that nothing still uses it.
          </Alert>
        )}
        {(remove.error ?? deactivate.error) && (
          <Alert type="error" header={codeOf(remove.error ?? deactivate.error)}>
            {(remove.error ?? deactivate.error)!.message}
          </Alert>
        )}
        <FormField label={`To confirm deletion, enter the access key ID in the text input field.`}>
          <Input
            value={typed}
            placeholder={id}
            disabled={active}
            onChange={(e) => setTyped(e.detail.value)}
            ariaLabel="Access key ID"
            data-testid="delete-access-key-input"
          />
        </FormField>
      </SpaceBetween>
    </Modal>
  );
}
