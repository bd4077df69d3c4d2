"use client";

import Alert from "@cloudscape-design/components/alert";
import Button from "@cloudscape-design/components/button";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useMemo } from "react";
import { addStatement, fromDocument, removeStatement, toDocument, updateStatement } from "@/lib/policy/visual";
import type { VisualPolicy } from "@/lib/policy/visual";
import { VisualStatementBlock } from "./visual-statement";

export type VisualEditorProps = { value: string; onChange: (value: string) => void };

/**
 * The visual policy editor, as AWS's console shows it: one block per statement (per service), each with its service,
 * actions, resources and conditions. It holds no copy of the policy: every render reads `value`, and every edit
 * writes back through `toDocument`, which keeps untouched statements exactly as they were written.
 */
export function VisualPolicyEditor({ value, onChange }: VisualEditorProps) {
  const read = useMemo(() => fromDocument(value), [value]);
  if (!read.ok) {
    return (
      <Alert type="warning" header="The visual editor can't show this policy">
        {read.reason} Edit it in the JSON editor.
      </Alert>
    );
  }
  const policy = read.policy;
  const commit = (next: VisualPolicy) => onChange(toDocument(next, value));
  return (
    <div data-testid="visual-policy-editor">
      <SpaceBetween size="m">
        {policy.statements.map((statement, i) => (
          <VisualStatementBlock
            key={i}
            index={i}
            statement={statement}
            onChange={(next) => commit(updateStatement(policy, i, () => next))}
            onRemove={() => commit(removeStatement(policy, i))}
          />
        ))}
        <Button iconName="add-plus" onClick={() => commit(addStatement(policy))}>
          Add more permissions
        </Button>
      </SpaceBetween>
    </div>
  );
}
