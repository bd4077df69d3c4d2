"use client";

import Alert from "@cloudscape-design/components/alert";
import FormField from "@cloudscape-design/components/form-field";
import Input from "@cloudscape-design/components/input";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Textarea from "@cloudscape-design/components/textarea";
import { useState } from "react";
import { ModalFooter } from "@/components/common/modal-footer";
import { useNotify } from "@/components/shell/shell-context";
import { useCreateAccessCheck } from "@/lib/queries/access-checks";
import { ApiError } from "@/lib/queries/api";
import { accessCheckSchema } from "@/lib/schemas/access-checks";

const lines = (text: string) =>
  text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Adds a check: a name, the actions (one a line or comma-separated) and, optionally, the resources they apply to. */
export function AddAccessCheckModal({ visible, onClose }: { visible: boolean; onClose: () => void }) {
  const notify = useNotify();
  const create = useCreateAccessCheck();
  const [name, setName] = useState("");
  const [actions, setActions] = useState("");
  const [resources, setResources] = useState("");
  const [touched, setTouched] = useState(false);
  const input = { name, actions: lines(actions), resources: lines(resources) };
  const parsed = accessCheckSchema.safeParse(input);
  const errorOf = (field: string) =>
    touched && !parsed.success ? parsed.error.issues.find((i) => i.path[0] === field)?.message : undefined;
  const close = () => (setName(""), setActions(""), setResources(""), setTouched(false), create.reset(), onClose());
  const submit = () => {
    setTouched(true);
    if (!parsed.success) return;
    create.mutate(input, { onSuccess: (c) => (notify({ type: "success", content: `Access check ${c.name} added.` }), close()) });
  };

  return (
    <Modal
      visible={visible}
      onDismiss={close}
      header="Add access check"
      footer={
        <ModalFooter onCancel={close} onConfirm={submit} busy={create.isPending} testId="add-access-check-submit">
          Add check
        </ModalFooter>
      }
    >
      <SpaceBetween size="m">
        {create.error && (
          <Alert type="error" header={create.error instanceof ApiError ? create.error.code : "Error"}>
            {create.error.message}
          </Alert>
        )}
        <FormField label="Name" errorText={errorOf("name")}>
          <Input value={name} onChange={(e) => setName(e.detail.value)} ariaLabel="Name" data-testid="access-check-name" />
        </FormField>
        <FormField
          label="Actions"
          description="No saved policy may allow any of these. One a line, such as iam:CreateUser; wildcards match several."
          errorText={errorOf("actions")}
        >
          <Textarea
            value={actions}
            rows={3}
            onChange={(e) => setActions(e.detail.value)}
            ariaLabel="Actions"
            data-testid="access-check-actions"
          />
        </FormField>
        <FormField
          label="Resources - optional"
          description="Check the actions on these resources only (ARNs, wildcards allowed). Empty: on any resource."
          errorText={errorOf("resources")}
        >
          <Textarea value={resources} rows={2} onChange={(e) => setResources(e.detail.value)} ariaLabel="Resources" />
        </FormField>
      </SpaceBetween>
    </Modal>
  );
}
