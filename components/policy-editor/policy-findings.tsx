"use client";

import Box from "@cloudscape-design/components/box";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import type { PolicyKind } from "@/lib/policy/types";

export type EditorFinding = { message: string; detail?: string; path?: string; line: number; column: number };

const GRAMMAR: Partial<Record<PolicyKind, string>> = { scp: "service control policy", rcp: "resource control policy" };

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
} as const;

/** The findings panel under the editor, like the AWS console's policy validation list; a click moves the cursor. */
export function PolicyFindings({
  findings,
  onSelect,
  kind = "identity",
}: {
  findings: EditorFinding[];
  onSelect: (f: EditorFinding) => void;
  kind?: PolicyKind;
}) {
  return (
    <div data-testid="policy-findings" style={{ borderTop: "1px solid #c6c6cd", padding: "8px 12px", maxHeight: 160, overflowY: "auto" }}>
      {findings.length === 0 ? (
        <StatusIndicator type="success">No errors. The policy matches the {GRAMMAR[kind] ?? "IAM policy"} grammar.</StatusIndicator>
      ) : (
        <>
          <Box variant="h4" padding={{ bottom: "xxs" }}>
            Errors ({findings.length})
          </Box>
          <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
            {findings.map((f, i) => (
              <li key={i} data-testid="policy-finding" style={{ padding: "2px 0" }}>
                <button type="button" onClick={() => onSelect(f)} style={FINDING_BUTTON}>
                  <StatusIndicator type="error">{f.message}</StatusIndicator>
                  <Box variant="small" color="text-body-secondary">
                    {[f.detail, f.path, `Ln ${f.line}, Col ${f.column}`].filter(Boolean).join(" · ")}
                  </Box>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
