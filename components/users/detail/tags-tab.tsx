"use client";

import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import { useState } from "react";
import { ModalFooter } from "@/components/common/modal-footer";
import { TagsEditor, type TagDraft } from "@/components/common/tags-editor";
import { useNotify } from "@/components/shell/shell-context";
import { useUpdateUserTags, type UserDetail } from "@/lib/queries/user-detail";
import { tagsSchema } from "@/lib/schemas/iam";

/** The user's tags; "Manage tags" edits them all and saves the difference (UntagUser + TagUser). */
export function TagsTab({ user }: { user: UserDetail }) {
  const notify = useNotify();
  const update = useUpdateUserTags(user.userName);
  const [draft, setDraft] = useState<TagDraft[] | undefined>();
  const valid = draft ? tagsSchema.safeParse(draft).success : false;
  const close = () => (setDraft(undefined), update.reset());

  return (
    <>
      <Table
        items={user.tags}
        trackBy="Key"
        data-testid="user-tags"
        columnDefinitions={[
          { id: "key", header: "Key", cell: (t) => t.Key },
          { id: "value", header: "Value", cell: (t) => t.Value || "-" },
        ]}
        header={
          <Header
            counter={`(${user.tags.length})`}
            description="Tags are key-value pairs that you can add to AWS resources to help identify, organize, or search for resources."
            actions={
              <Button onClick={() => (update.reset(), setDraft(user.tags.map((t) => ({ ...t }))))} data-testid="manage-tags">
                Manage tags
              </Button>
            }
          >
            Tags
          </Header>
        }
        empty={<Box textAlign="center">No tags associated with the resource.</Box>}
      />
      <Modal
        visible={!!draft}
        size="large"
        onDismiss={close}
        header="Manage tags"
        footer={
          <ModalFooter
            onCancel={close}
            onConfirm={() =>
              draft &&
              update.mutate(draft, { onSuccess: () => (notify({ type: "success", content: `Tags saved for ${user.userName}.` }), close()) })
            }
            disabled={!valid}
            busy={update.isPending}
            testId="save-tags"
          >
            Save changes
          </ModalFooter>
        }
      >
        <SpaceBetween size="m">
          {update.error && (
            <Alert type="error" header={(update.error as { code?: string }).code ?? "Error"}>
              {update.error.message}
            </Alert>
          )}
          {draft && <TagsEditor tags={draft} onChange={setDraft} />}
        </SpaceBetween>
      </Modal>
    </>
  );
}
