"use client";

import Alert from "@cloudscape-design/components/alert";
import Button from "@cloudscape-design/components/button";
import SpaceBetween from "@cloudscape-design/components/space-between";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import { useMemo } from "react";
import { addStatement, fromDocument, removeStatement, toDocument, updateStatement } from "@/lib/policy/visual";
import type { VisualPolicy } from "@/lib/policy/visual";
import { VisualStatementBlock } from "./visual-statement";

/** `errors` are the JSON editor's findings for `value` (AWS's grammar errors), listed under the blocks. */
export type VisualEditorProps = { value: string; onChange: (value: string) => void; errors: readonly string[] };

/**
 * The visual policy editor, as AWS's console shows it: one block per statement (per service), each with its service,
 * actions, resources and conditions. It holds no copy of the policy: every render reads `value`, and every edit
 * writes back through `toDocument`, which keeps untouched statements exactly as they were written.
 */
export function VisualPolicyEditor({ value, onChange, errors }: VisualEditorProps) {
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
        <div data-testid="visual-findings">
          {errors.length ? (
            <Alert type="error" header={`Errors (${errors.length})`}>
              <ul style={{ margin: 0, paddingLeft: 16 }}>
                {[...new Set(errors)].map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
              Switch to JSON to see where each one is.
            </Alert>
          ) : (
            <StatusIndicator type="success">No errors. The policy matches the IAM policy grammar.</StatusIndicator>
          )}
        </div>
      </SpaceBetween>
    </div>
  );
}
