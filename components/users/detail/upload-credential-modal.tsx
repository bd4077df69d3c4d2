"use client";

import FormField from "@cloudscape-design/components/form-field";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Textarea from "@cloudscape-design/components/textarea";
import { useState } from "react";
import { ApiErrorAlert } from "@/components/common/api-error-alert";
import { ModalFooter } from "@/components/common/modal-footer";
import { useNotify } from "@/components/shell/shell-context";
import { useUploadCredential } from "@/lib/queries/user-credentials";

type Props = {
  userName: string;
  kind: "ssh-public-keys" | "signing-certificates";
  title: string;
  label: string;
  description: string;
  placeholder: string;
  noun: string;
  testId: string;
  onClose: () => void;
};

/** Paste a PEM or OpenSSH body and upload it; AWS's error (malformed, duplicate, quota) shows in the modal. */
export function UploadCredentialModal(p: Props) {
  const notify = useNotify();
  const upload = useUploadCredential(p.userName, p.kind);
  const [body, setBody] = useState("");
  return (
    <Modal
      visible
      onDismiss={p.onClose}
      header={p.title}
      footer={
        <ModalFooter
          onCancel={p.onClose}
          onConfirm={() =>
            upload.mutate(body, {
              onSuccess: ({ id }) => {
                notify({ type: "success", content: `${p.noun} ${id} uploaded.` });
                p.onClose();
              },
            })
          }
          disabled={!body.trim()}
          busy={upload.isPending}
          testId={`${p.testId}-confirm`}
        >
          Upload
        </ModalFooter>
      }
    >
      <SpaceBetween size="m">
        <FormField label={p.label} description={p.description}>
          <Textarea
            value={body}
            rows={10}
            placeholder={p.placeholder}
            onChange={(e) => setBody(e.detail.value)}
            spellcheck={false}
            data-testid={`${p.testId}-body`}
          />
        </FormField>
        {upload.error && <ApiErrorAlert error={upload.error} testId={`${p.testId}-error`} />}
      </SpaceBetween>
    </Modal>
  );
}
