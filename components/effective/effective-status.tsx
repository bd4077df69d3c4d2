"use client";

import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Popover from "@cloudscape-design/components/popover";
import SpaceBetween from "@cloudscape-design/components/space-between";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import type { EffectiveActionRow, EffectiveStatementRef } from "@/lib/queries/effective-permissions";

const STATUS: Record<EffectiveActionRow["status"], { type: "success" | "info" | "pending" | "error" | "stopped"; text: string }> = {
  full: { type: "success", text: "Full" },
  partial: { type: "info", text: "Partial: some resources" },
  conditional: { type: "pending", text: "Conditional" },
  blocked: { type: "stopped", text: "Not allowed by the" },
  denied: { type: "error", text: "Denied" },
};

export function EffectiveStatus({ row }: { row: EffectiveActionRow }) {
  const { type, text } = STATUS[row.status];
  return <StatusIndicator type={type}>{row.status === "blocked" ? `${text} ${row.blockedBy?.join(" and ")}` : text}</StatusIndicator>;
}

const LAYER: Record<string, string> = {
  identity: "Identity-based policy",
  boundary: "Permissions boundary",
  scp: "Service control policy",
};

function StatementBlock({ s }: { s: EffectiveStatementRef }) {
  const label = s.sid ? `Statement "${s.sid}"` : `Statement ${s.index + 1}`;
  return (
    <div data-testid="effective-statement">
      <Box variant="h5">
        {s.policyName} · {label}
      </Box>
      <Box variant="small" color="text-body-secondary">
        {LAYER[s.layer] ?? s.layer} · {s.effect} · lines {s.lines[0]}-{s.lines[1]}
      </Box>
      <Box variant="code">
        <pre style={{ margin: 0, maxHeight: 220, overflow: "auto", whiteSpace: "pre" }}>{s.text}</pre>
      </Box>
    </div>
  );
}

/** "Granted by": the statements behind an action in a popover, each with its policy, Sid and text. */
export function GrantedBy({ row, statements }: { row: EffectiveActionRow; statements: Record<number, EffectiveStatementRef> }) {
  const refs = [...row.grantedBy, ...row.limitedBy];
  if (!refs.length) return <>-</>;
  const label = `${row.grantedBy.length ? `${row.grantedBy.length} allow` : ""}${row.grantedBy.length && row.limitedBy.length ? ", " : ""}${row.limitedBy.length ? `${row.limitedBy.length} deny` : ""}`;
  return (
    <Popover
      size="large"
      position="left"
      triggerType="custom"
      header={`Statements for ${row.action}`}
      content={<SpaceBetween size="m">{refs.map((i) => statements[i] && <StatementBlock key={i} s={statements[i]} />)}</SpaceBetween>}
    >
      <Button variant="inline-link" ariaLabel={`Statements for ${row.action}`}>
        {label}
      </Button>
    </Popover>
  );
}
