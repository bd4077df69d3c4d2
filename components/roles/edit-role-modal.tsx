"use client";

import Alert from "@cloudscape-design/components/alert";
import FormField from "@cloudscape-design/components/form-field";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Textarea from "@cloudscape-design/components/textarea";
import { useState } from "react";
import { ModalFooter } from "@/components/common/modal-footer";
import { useNotify } from "@/components/shell/shell-context";
import { useUpdateRole, type RoleDetail } from "@/lib/queries/roles";
import { roleDescriptionSchema } from "@/lib/schemas/roles";
import { SessionDurationSelect } from "./session-duration-select";

/** UpdateRole: the description and the maximum session duration (1 to 12 hours). Each opening starts from the role. */
export function EditRoleModal({ role, visible, onClose }: { role: RoleDetail; visible: boolean; onClose: () => void }) {
  return visible ? <OpenEditRoleModal role={role} onClose={onClose} /> : null;
}

function OpenEditRoleModal({ role, onClose }: { role: RoleDetail; onClose: () => void }) {
  const notify = useNotify();
  const update = useUpdateRole(role.roleName);
  const [description, setDescription] = useState(role.description ?? "");
  const [duration, setDuration] = useState(role.maxSessionDuration);
  const check = roleDescriptionSchema.safeParse(description);
  const descriptionError = check.success ? undefined : check.error.issues[0]?.message;

  const save = () =>
    update.mutate(
      // A service-linked role's description is the one thing that may change (UpdateRole with MaxSessionDuration is refused).
      { description, maxSessionDuration: role.serviceLinked ? undefined : duration },
      {
        onSuccess: () => {
          notify({ type: "success", content: `Role ${role.roleName} updated.` });
          onClose();
        },
      },
    );

  return (
    <Modal
      visible
      onDismiss={onClose}
      header={`Edit ${role.roleName}`}
      footer={
        <ModalFooter onCancel={onClose} onConfirm={save} disabled={!!descriptionError} busy={update.isPending} testId="save-role">
          Save changes
        </ModalFooter>
      }
    >
      <SpaceBetween size="l">
        {update.error && (
          <Alert type="error" header={(update.error as { code?: string }).code ?? "Error"}>
            {update.error.message}
          </Alert>
        )}
        <FormField label="Description" constraintText="Maximum 1000 characters." errorText={descriptionError}>
          <Textarea value={description} rows={2} onChange={(e) => setDescription(e.detail.value)} />
        </FormField>
        <FormField
          label="Maximum session duration"
          description="Sessions that assume this role, with the AWS CLI or API, can last up to this long (1 to 12 hours)."
          constraintText={
            role.serviceLinked ? "Only the linked service can change a service-linked role's maximum session duration." : undefined
          }
        >
          <SessionDurationSelect value={duration} onChange={setDuration} disabled={role.serviceLinked} />
        </FormField>
      </SpaceBetween>
    </Modal>
  );
}
