"use client";

import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import Table from "@cloudscape-design/components/table";
import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import { useNotify } from "@/components/shell/shell-context";
import type { TagDraft } from "@/lib/schemas/iam";
import type { FormMutation } from "./form-mutation";

// The editor (and the tag validation) is fetched once the tab shows, ready before "Manage tags" is chosen.
const loadEditor = () => import("./resource-tags-editor").then((m) => m.ResourceTagsEditor);
const ResourceTagsEditor = dynamic(loadEditor, { ssr: false });

/** A resource's Tags tab: the tags, and "Manage tags" editing them in place (blank rows are dropped on save). */
export function ResourceTags(props: { tags: TagDraft[]; update: FormMutation<TagDraft[]>; savedText: string; readOnly?: boolean }) {
  const { tags, update } = props;
  const notify = useNotify();
  const [draft, setDraft] = useState<TagDraft[]>();
  useEffect(() => void loadEditor(), []);

  if (draft)
    return (
      <ResourceTagsEditor
        draft={draft}
        onChange={setDraft}
        update={update}
        onCancel={() => (update.reset(), setDraft(undefined))}
        onSave={(kept) =>
          update.mutate(kept, {
            onSuccess: () => {
              setDraft(undefined);
              notify({ type: "success", content: props.savedText });
            },
          })
        }
      />
    );

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
