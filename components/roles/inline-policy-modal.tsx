"use client";

import Alert from "@cloudscape-design/components/alert";
import FormField from "@cloudscape-design/components/form-field";
import Input from "@cloudscape-design/components/input";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useState } from "react";
import { ModalFooter } from "@/components/common/modal-footer";
import { policyHasErrors, RESOLVE_POLICY_ERRORS } from "@/components/common/policy-errors";
import { STARTER_POLICY } from "@/components/policies/policy-template";
import { PolicyEditor } from "@/components/policy-editor/policy-editor";
import { useNotify } from "@/components/shell/shell-context";
import { usePutRolePolicy } from "@/lib/queries/roles";
import { policyNameSchema } from "@/lib/schemas/iam";

const TEMPLATE = JSON.stringify(STARTER_POLICY, null, 4);

/**
 * Create an inline policy (PutRolePolicy), or view and edit an existing one (its name is then fixed). Mounted while
 * open, so each opening starts from the policy it shows.
 */
export function InlinePolicyModal(props: { roleName: string; existing: { policyName?: string; document?: string }; onClose: () => void }) {
  const notify = useNotify();
  const put = usePutRolePolicy(props.roleName);
  const editing = !!props.existing.policyName;
  const [name, setName] = useState(props.existing.policyName ?? "");
  const [document, setDocument] = useState(props.existing.document ?? TEMPLATE);
  const [attempted, setAttempted] = useState(false);
  const [documentBlocked, setDocumentBlocked] = useState(false);
  const check = policyNameSchema.safeParse(name);
  const nameError = (name || attempted) && !check.success ? check.error.issues[0]?.message : undefined;

  const save = () => {
    setAttempted(true);
    const blocked = policyHasErrors(document, "identity");
    setDocumentBlocked(blocked);
    if (!check.success || blocked) return;
    put.mutate(
      { policyName: name, policyDocument: document },
      {
        onSuccess: () => {
          notify({ type: "success", content: `Policy ${name} ${editing ? "updated" : "created"} in ${props.roleName}.` });
          props.onClose();
        },
      },
    );
  };

  return (
    <Modal
      visible
      size="large"
      onDismiss={props.onClose}
      header={editing ? `Inline policy ${props.existing.policyName}` : "Create inline policy"}
      footer={
        <ModalFooter onCancel={props.onClose} onConfirm={save} busy={put.isPending} testId="save-inline-policy">
          {editing ? "Save changes" : "Create policy"}
        </ModalFooter>
      }
    >
      <SpaceBetween size="l">
        {put.error && (
          <Alert type="error" header={(put.error as { code?: string }).code ?? "Error"}>
            {put.error.message}
          </Alert>
        )}
        <FormField
          label="Policy name"
          constraintText="Maximum 128 characters. Use alphanumeric and '+=,.@-_' characters."
          errorText={nameError}
        >
          <Input value={name} disabled={editing} onChange={(e) => setName(e.detail.value)} data-testid="inline-policy-name" />
        </FormField>
        <FormField
          label="Policy editor"
          stretch
          errorText={documentBlocked ? <span data-testid="policy-errors-blocked">{RESOLVE_POLICY_ERRORS}</span> : undefined}
        >
          <PolicyEditor
            value={document}
            kind="identity"
            quota="role"
            height={320}
            onChange={(v) => (setDocument(v), setDocumentBlocked(false))}
          />
        </FormField>
      </SpaceBetween>
    </Modal>
  );
}
