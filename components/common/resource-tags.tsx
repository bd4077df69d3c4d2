"use client";

import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import { useState } from "react";
import { useNotify } from "@/components/shell/shell-context";
import { tagsSchema } from "@/lib/schemas/iam";
import { ApiErrorAlert } from "./api-error-alert";
import { FormActions } from "./form-actions";
import type { FormMutation } from "./form-mutation";
import { TagsEditor, type TagDraft } from "./tags-editor";

/** A resource's Tags tab: the tags, and "Manage tags" editing them in place (blank rows are dropped on save). */
export function ResourceTags(props: { tags: TagDraft[]; update: FormMutation<TagDraft[]>; savedText: string; readOnly?: boolean }) {
  const { tags, update } = props;
  const notify = useNotify();
  const [draft, setDraft] = useState<TagDraft[]>();

  if (draft) {
    const kept = draft.filter((t) => t.Key || t.Value);
    const save = () =>
      update.mutate(kept, {
        onSuccess: () => {
          setDraft(undefined);
          notify({ type: "success", content: props.savedText });
        },
      });
    return (
      <Container
        header={
          <Header
            variant="h2"
            actions={
              <FormActions
                onCancel={() => (update.reset(), setDraft(undefined))}
                onConfirm={save}
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
          <TagsEditor tags={draft} onChange={setDraft} />
        </SpaceBetween>
      </Container>
    );
  }

  return (
    <Table
      items={tags}
      trackBy="Key"
      header={
        <Header
          counter={`(${tags.length})`}
          description="Tags are key-value pairs that you can add to AWS resources to help identify, organize, or search for resources."
          actions={
            !props.readOnly && (
              <Button onClick={() => (update.reset(), setDraft(tags.map((t) => ({ ...t }))))} data-testid="manage-tags">
                Manage tags
              </Button>
            )
          }
        >
          Tags
        </Header>
      }
      columnDefinitions={[
        { id: "key", header: "Key", cell: (t) => t.Key },
        { id: "value", header: "Value", cell: (t) => t.Value || "-" },
      ]}
      empty={<Box color="text-body-secondary">No tags associated with the resource.</Box>}
    />
  );
}
