"use client";

import Box from "@cloudscape-design/components/box";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import { summarizeTrustPolicy } from "@/lib/policy/trust-summary";

/** Who can assume the role, one line per statement of its trust policy, above the policy itself. */
export function TrustSummary({ document, accountId }: { document: string; accountId: string }) {
  const statements = summarizeTrustPolicy(document, accountId);
  if (!statements?.length) return null;
  return (
    <div data-testid="trust-summary">
      <Box variant="h3" margin={{ bottom: "xxs" }}>
        Who can assume this role
      </Box>
      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
        {statements.map((s, i) => (
          <li key={i}>{s.effect === "Deny" ? <StatusIndicator type="stopped">{s.text}</StatusIndicator> : s.text}</li>
        ))}
      </ul>
    </div>
  );
}
