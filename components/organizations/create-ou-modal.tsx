"use client";

import FormField from "@cloudscape-design/components/form-field";
import Input from "@cloudscape-design/components/input";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useState } from "react";
import { ApiErrorAlert } from "@/components/common/api-error-alert";
import { ModalFooter } from "@/components/common/modal-footer";
import { TagsEditor, type TagDraft } from "@/components/common/tags-editor";
import { useNotify } from "@/components/shell/shell-context";
import { useCreateOrganizationalUnit } from "@/lib/queries/organizations-mutations";
import { tagsSchema } from "@/lib/schemas/iam";
import { ouNameSchema } from "@/lib/schemas/organizations";
import type { TreeItem } from "./tree-items";

/** "Create organizational unit" under the selected root or OU. Mount it only while open. */
export function CreateOuModal({ parent, onClose }: { parent: TreeItem; onClose: () => void }) {
  const notify = useNotify();
  const create = useCreateOrganizationalUnit();
  const [name, setName] = useState("");
  const [touched, setTouched] = useState(false);
  const [tags, setTags] = useState<TagDraft[]>([]);
  const kept = tags.filter((t) => t.Key || t.Value);
  const check = ouNameSchema.safeParse(name);
  const nameError = touched && !check.success ? check.error.issues[0].message : undefined;

  const submit = () => {
    setTouched(true);
    if (!check.success || !tagsSchema.safeParse(kept).success) return;
    create.mutate(
      { parentId: parent.id, name, tags: kept },
      {
        onSuccess: (ou) => {
          notify({ type: "success", content: `Organizational unit ${ou.name} (${ou.id}) was created in ${parent.name}.` });
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      visible
      onDismiss={onClose}
      header="Create organizational unit"
      footer={
        <ModalFooter onCancel={onClose} onConfirm={submit} busy={create.isPending} testId="create-ou-submit">
          Create organizational unit
        </ModalFooter>
      }
    >
      <SpaceBetween size="l">
        <FormField label="Parent" description="The new OU is created in this root or OU.">
          {parent.name} ({parent.id})
        </FormField>
        <FormField label="Organizational unit name" constraintText="Up to 128 characters." errorText={nameError}>
          <Input
            value={name}
            onChange={(e) => setName(e.detail.value)}
            onBlur={() => setTouched(true)}
            ariaLabel="Organizational unit name"
            data-testid="ou-name"
          />
        </FormField>
        <FormField label="Tags - optional">
          <TagsEditor tags={tags} onChange={setTags} />
        </FormField>
        {create.error && <ApiErrorAlert error={create.error} testId="create-ou-error" />}
      </SpaceBetween>
    </Modal>
  );
}
