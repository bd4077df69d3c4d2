"use client";

import Box from "@cloudscape-design/components/box";
import Tabs from "@cloudscape-design/components/tabs";
import { PolicyEditor } from "@/components/policy-editor/policy-editor";
import type { MatchedStatement } from "@/lib/queries/simulator";
import { statementRange } from "./statement-range";

/** A policy whose text the console could read, and the statements of it to highlight. */
export type PolicyText = { id: string; label: string; description?: string; text: string };

const heightOf = (text: string) => Math.min(420, Math.max(140, text.split("\n").length * 19 + 16));

/**
 * The matched statements in read-only editors, one tab per source policy, each statement highlighted at AWS's
 * StartPosition/EndPosition. `textOf` finds a SourcePolicyId's text (the principal's policies, or the custom inputs).
 */
export function PolicyStatementsView({
  statements,
  textOf,
}: {
  statements: MatchedStatement[];
  textOf: (sourcePolicyId: string) => PolicyText | undefined;
}) {
  const ids = [...new Set(statements.map((s) => s.sourcePolicyId))];
  if (!ids.length) return null;
  const tabs = ids.map((id) => {
    const policy = textOf(id);
    const ranges = policy ? statements.filter((s) => s.sourcePolicyId === id).map((s) => statementRange(policy.text, s)) : [];
    const lines = ranges
      .map((r) => (r.start.line === r.end.line ? `line ${r.end.line}` : `lines ${r.start.line}-${r.end.line}`))
      .join(", ");
    return {
      id,
      label: policy?.label ?? id,
      content: policy ? (
        <div data-testid="deciding-policy" data-policy={id}>
          <Box variant="small" color="text-body-secondary" padding={{ bottom: "xs" }}>
            {[policy.description, `Matched statement${ranges.length > 1 ? "s" : ""} at ${lines}`].filter(Boolean).join(" · ")}
          </Box>
          <PolicyEditor value={policy.text} readOnly height={heightOf(policy.text)} highlights={ranges} />
        </div>
      ) : (
        <Box color="text-status-inactive">The text of {id} could not be read.</Box>
      ),
    };
  });
  return <Tabs tabs={tabs} variant="container" ariaLabel="Policies with matched statements" />;
}
