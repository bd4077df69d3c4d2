"use client";

import AttributeEditor from "@cloudscape-design/components/attribute-editor";
import Input from "@cloudscape-design/components/input";
import type { TagDraft } from "@/lib/schemas/iam";
import { useDeferredModule } from "./use-deferred-module";

export type { TagDraft };

// IAM's tag rules (zod) are fetched after the page: the rows start empty or already valid.
const loadSchemas = () => import("@/lib/schemas/iam");

/** Key/value tag rows with IAM's rules checked as the user types (shared zod schema), up to 50 tags. */
export function TagsEditor({ tags, onChange }: { tags: TagDraft[]; onChange: (tags: TagDraft[]) => void }) {
  const schemas = useDeferredModule(loadSchemas);
  const keys = tags.map((t) => t.Key.toLowerCase());
  const errorFor = (t: TagDraft, i: number, field: "Key" | "Value") => {
    const r = schemas?.tagSchema.safeParse(t);
    const issue = r && !r.success ? r.error.issues.find((x) => x.path[0] === field) : undefined;
    if (issue) return issue.message;
    if (field === "Key" && t.Key && keys.indexOf(t.Key.toLowerCase()) !== i) return "Tag keys must be unique (keys are case-insensitive).";
    return undefined;
  };
  return (
    <AttributeEditor
      items={tags}
      addButtonText="Add new tag"
      removeButtonText="Remove"
      disableAddButton={tags.length >= 50}
      additionalInfo={`You can add ${50 - tags.length} more tags.`}
      empty="No tags associated with the resource."
      onAddButtonClick={() => onChange([...tags, { Key: "", Value: "" }])}
      onRemoveButtonClick={(e) => onChange(tags.filter((_, i) => i !== e.detail.itemIndex))}
      definition={[
        {
          label: "Key",
          control: (t, i) => (
            <Input
              value={t.Key}
              placeholder="Enter key"
              onChange={(e) => onChange(tags.map((x, j) => (j === i ? { ...x, Key: e.detail.value } : x)))}
            />
          ),
          errorText: (t, i) => (t.Key || t.Value ? errorFor(t, i, "Key") : undefined),
        },
        {
          label: "Value - optional",
          control: (t, i) => (
            <Input
              value={t.Value}
              placeholder="Enter value"
              onChange={(e) => onChange(tags.map((x, j) => (j === i ? { ...x, Value: e.detail.value } : x)))}
            />
          ),
          errorText: (t, i) => errorFor(t, i, "Value"),
        },
      ]}
    />
  );
}
