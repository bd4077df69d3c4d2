"use client";

import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { tagsSchema } from "@/lib/schemas/iam";
import { ApiErrorAlert } from "./api-error-alert";
import { FormActions } from "./form-actions";
import type { FormMutation } from "./form-mutation";
import { TagsEditor, type TagDraft } from "./tags-editor";

/** "Manage tags" on a resource's Tags tab: the rows being edited, saved without the blank ones. */
export function ResourceTagsEditor(props: {
  draft: TagDraft[];
  onChange: (draft: TagDraft[]) => void;
  update: FormMutation<TagDraft[]>;
  onSave: (kept: TagDraft[]) => void;
  onCancel: () => void;
}) {
  const { draft, update } = props;
  const kept = draft.filter((t) => t.Key || t.Value);
  return (
    <Container
      header={
        <Header
          variant="h2"
          actions={
            <FormActions
              onCancel={props.onCancel}
              onConfirm={() => props.onSave(kept)}
              disabled={!tagsSchema.safeParse(kept).success}
              busy={update.isPending}
              testId="save-tags"
            >
              Save changes
            </FormActions>
          }
        >
          Manage tags
        </Header>
      }
    >
      <SpaceBetween size="m">
        {update.error && <ApiErrorAlert error={update.error} />}
        <TagsEditor tags={draft} onChange={props.onChange} />
      </SpaceBetween>
    </Container>
  );
}
