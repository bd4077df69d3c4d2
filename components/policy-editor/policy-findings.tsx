"use client";

import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import StatusIndicator, { type StatusIndicatorProps } from "@cloudscape-design/components/status-indicator";
import type { FindingKind, PolicyFinding } from "@/lib/policy/lint";
import type { PolicyKind } from "@/lib/policy/types";

/** A finding placed in the text it was found in (`source`): 1-based line and column of its start and end. */
export type EditorFinding = PolicyFinding & {
  source: string;
  /** One of AWS's grammar errors (what AWS rejects), rather than a lint check's finding. */
  grammar: boolean;
  line: number;
  column: number;
  end: { line: number; column: number };
};

const GRAMMAR: Partial<Record<PolicyKind, string>> = { scp: "service control policy", rcp: "resource control policy" };

/** Errors first (they block saving), then as the AWS console's policy validation panel orders its tabs. */
const GROUPS: { kind: FindingKind; label: string; status: StatusIndicatorProps.Type }[] = [
  { kind: "ERROR", label: "Errors", status: "error" },
  { kind: "SECURITY_WARNING", label: "Security", status: "warning" },
  { kind: "WARNING", label: "Warnings", status: "warning" },
  { kind: "SUGGESTION", label: "Suggestions", status: "info" },
];

// A plain-looking button that keeps the browser's focus ring (`all: unset` would remove it).
const FINDING_BUTTON = {
  background: "none",
  border: 0,
  padding: 0,
  font: "inherit",
  color: "inherit",
  textAlign: "left",
  cursor: "pointer",
  display: "flex",
  gap: 8,
  alignItems: "baseline",
  flexWrap: "wrap",
} as const;

/**
 * The findings panel under the editor, like the AWS console's policy validation: counts per kind, then each finding
 * with its code and place (a click moves the cursor there) and, where it has one, a button that applies its fix.
 */
export function PolicyFindings({
  findings,
  onSelect,
  onApplyFix,
  kind = "identity",
}: {
  findings: EditorFinding[];
  onSelect: (f: EditorFinding) => void;
  onApplyFix?: (f: EditorFinding) => void;
  kind?: PolicyKind;
}) {
  const grammarOk = !findings.some((f) => f.grammar);
  return (
    <div data-testid="policy-findings" style={{ borderTop: "1px solid #c6c6cd", padding: "8px 12px", maxHeight: 200, overflowY: "auto" }}>
      {grammarOk && (
        <StatusIndicator type="success">No errors. The policy matches the {GRAMMAR[kind] ?? "IAM policy"} grammar.</StatusIndicator>
      )}
      {findings.length > 0 && (
        <>
          <Box
            display="block"
            variant="small"
            color="text-body-secondary"
            padding={{ vertical: "xxs" }}
            data-testid="policy-finding-counts"
          >
            {GROUPS.map((g) => `${g.label}: ${findings.filter((f) => f.kind === g.kind).length}`).join(" · ")}
          </Box>
          {GROUPS.map((g) => {
            const group = findings.filter((f) => f.kind === g.kind);
            if (!group.length) return null;
            return (
              <section key={g.kind} aria-label={`${g.label} (${group.length})`}>
                <Box variant="h4" padding={{ top: "xxs" }}>
                  {g.label} ({group.length})
                </Box>
                <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
                  {group.map((f, i) => (
                    <li
                      key={`${f.code}-${f.span.start}-${i}`}
                      data-testid="policy-finding"
                      data-kind={f.kind}
                      data-code={f.code}
                      style={{ padding: "2px 0", display: "flex", gap: 8, alignItems: "baseline" }}
                    >
                      <button type="button" onClick={() => onSelect(f)} style={FINDING_BUTTON}>
                        <StatusIndicator type={g.status}>{f.message}</StatusIndicator>
                        <Box variant="small" color="text-body-secondary">
                          {[f.code, f.detail, f.path, `Ln ${f.line}, Col ${f.column}`].filter(Boolean).join(" · ")}
                        </Box>
                      </button>
                      {f.fix && onApplyFix && (
                        <Button
                          variant="inline-link"
                          onClick={() => onApplyFix(f)}
                          ariaLabel={`Apply fix: ${f.fix.title}`}
                          data-testid="policy-finding-fix"
                        >
                          Apply fix
                        </Button>
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </>
      )}
    </div>
  );
}
