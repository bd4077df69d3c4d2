"use client";

import StatusIndicator from "@cloudscape-design/components/status-indicator";
import type { Decision } from "@/lib/queries/simulator";

export const DECISION_LABELS: Record<Decision, string> = {
  allowed: "Allowed",
  explicitDeny: "Denied (explicit deny)",
  implicitDeny: "Denied (implicit deny)",
};

/** A simulator decision as the AWS console shows it: green allowed, red explicit deny, grey implicit deny. */
export function DecisionStatus({ decision }: { decision: Decision }) {
  const type = decision === "allowed" ? "success" : decision === "explicitDeny" ? "error" : "stopped";
  return <StatusIndicator type={type}>{DECISION_LABELS[decision]}</StatusIndicator>;
}
