"use client";

import FormField from "@cloudscape-design/components/form-field";
import Input from "@cloudscape-design/components/input";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useState } from "react";
import { ApiErrorAlert } from "@/components/common/api-error-alert";
import { ModalFooter } from "@/components/common/modal-footer";
import { useNotify } from "@/components/shell/shell-context";
import { useRenameOrganizationalUnit } from "@/lib/queries/organizations-mutations";
import { ouNameSchema } from "@/lib/schemas/organizations";

/** UpdateOrganizationalUnit: a new name for the OU. Mount it only while open. */
export function RenameOuModal({ ou, onClose }: { ou: { id: string; name: string }; onClose: () => void }) {
  const notify = useNotify();
  const rename = useRenameOrganizationalUnit();
  const [name, setName] = useState(ou.name);
  const check = ouNameSchema.safeParse(name);
  const submit = () =>
    rename.mutate(
      { ouId: ou.id, name },
      {
        onSuccess: (r) => {
          notify({ type: "success", content: `Organizational unit ${ou.name} was renamed to ${r.name}.` });
          onClose();
        },
      },
    );
  return (
    <Modal
      visible
      onDismiss={onClose}
      header={`Rename ${ou.name}`}
      footer={
        <ModalFooter onCancel={onClose} onConfirm={submit} disabled={!check.success} busy={rename.isPending} testId="rename-ou-submit">
          Save changes
        </ModalFooter>
      }
    >
      <SpaceBetween size="l">
        <FormField
          label="Organizational unit name"
          constraintText="Up to 128 characters."
          errorText={check.success ? undefined : check.error.issues[0].message}
        >
          <Input value={name} onChange={(e) => setName(e.detail.value)} ariaLabel="Organizational unit name" data-testid="ou-new-name" />
        </FormField>
        {rename.error && <ApiErrorAlert error={rename.error} testId="rename-ou-error" />}
      </SpaceBetween>
    </Modal>
  );
}
