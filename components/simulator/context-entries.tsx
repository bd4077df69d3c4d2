"use client";

import AttributeEditor from "@cloudscape-design/components/attribute-editor";
import Input from "@cloudscape-design/components/input";
import Select from "@cloudscape-design/components/select";
import { CONTEXT_KEY_TYPES, type ContextKeyType } from "@/lib/schemas/simulator";
import type { ContextRow } from "./simulation-form";

export type { ContextRow };

const TYPE_OPTIONS = CONTEXT_KEY_TYPES.map((t) => ({ value: t, label: t }));

type Props = {
  rows: ContextRow[];
  onChange: (rows: ContextRow[]) => void;
  errorOf: (row: number, field: "key" | "values") => string | undefined;
};

/** Context keys and typed values, as the simulator's ContextEntries (ContextKeyName, ContextKeyType, ContextKeyValues). */
export function ContextEntries({ rows, onChange, errorOf }: Props) {
  const set = (i: number, patch: Partial<ContextRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <AttributeEditor
      data-testid="context-entries"
      items={rows}
      addButtonText="Add context key"
      removeButtonText="Remove"
      empty="No context keys. Use Get context keys to list those the policies test."
      onAddButtonClick={() => onChange([...rows, { key: "", type: "string", value: "" }])}
      onRemoveButtonClick={(e) => onChange(rows.filter((_, i) => i !== e.detail.itemIndex))}
      definition={[
        {
          label: "Key",
          control: (r, i) => (
            <Input
              value={r.key}
              placeholder="aws:SourceIp"
              ariaLabel={`Context key ${i + 1}`}
              onChange={(e) => set(i, { key: e.detail.value })}
            />
          ),
          errorText: (_r, i) => errorOf(i, "key"),
        },
        {
          label: "Type",
          control: (r, i) => (
            <Select
              selectedOption={{ value: r.type, label: r.type }}
              options={TYPE_OPTIONS}
              ariaLabel={`Type of context key ${i + 1}`}
              onChange={(e) => set(i, { type: e.detail.selectedOption.value as ContextKeyType })}
            />
          ),
        },
        {
          label: "Value",
          info: undefined,
          control: (r, i) => (
            <Input
              value={r.value}
              placeholder={r.type.endsWith("List") ? "value1, value2" : "value"}
              ariaLabel={`Value of context key ${i + 1}`}
              onChange={(e) => set(i, { value: e.detail.value })}
            />
          ),
          errorText: (_r, i) => errorOf(i, "values"),
        },
      ]}
    />
  );
}
