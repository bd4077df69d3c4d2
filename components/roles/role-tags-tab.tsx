"use client";

import Alert from "@cloudscape-design/components/alert";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import { useState } from "react";
import { TagsEditor, type TagDraft } from "@/components/common/tags-editor";
import { useNotify } from "@/components/shell/shell-context";
import { useUpdateRoleTags, type RoleDetail } from "@/lib/queries/roles";
import { tagsSchema } from "@/lib/schemas/iam";

/** Tags: the role's tags, and "Manage tags" (UntagRole the removed keys, TagRole the rest). */
export function RoleTagsTab({ role }: { role: RoleDetail }) {
  const notify = useNotify();
  const update = useUpdateRoleTags(role.roleName);
  const [draft, setDraft] = useState<TagDraft[] | null>(null);
  const valid = draft ? tagsSchema.safeParse(draft).success : true;

  const save = () =>
    draft &&
    update.mutate(draft, {
      onSuccess: () => {
        notify({ type: "success", content: `Tags updated for role ${role.roleName}.` });
        setDraft(null);
      },
    });

  if (draft) {
    return (
      <Container
        header={
          <Header
            variant="h2"
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button variant="link" onClick={() => (update.reset(), setDraft(null))}>
                  Cancel
                </Button>
                <Button variant="primary" disabled={!valid} loading={update.isPending} onClick={save} data-testid="save-tags">
                  Save changes
                </Button>
              </SpaceBetween>
            }
          >
            Manage tags
          </Header>
        }
      >
        <SpaceBetween size="m">
          {update.error && (
            <Alert type="error" header={(update.error as { code?: string }).code ?? "Error"}>
              {update.error.message}
            </Alert>
          )}
          <TagsEditor tags={draft} onChange={setDraft} />
        </SpaceBetween>
      </Container>
    );
  }

  return (
    <Table
      items={role.tags}
      trackBy="Key"
      columnDefinitions={[
        { id: "key", header: "Key", cell: (t) => t.Key },
        { id: "value", header: "Value", cell: (t) => t.Value || "-" },
      ]}
      header={
        <Header counter={`(${role.tags.length})`} actions={<Button onClick={() => setDraft(role.tags.map((t) => ({ ...t })))}>Manage tags</Button>}>
          Tags
        </Header>
      }
      empty="No tags associated with the resource."
    />
  );
}
