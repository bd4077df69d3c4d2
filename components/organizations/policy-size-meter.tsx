"use client";

import Box from "@cloudscape-design/components/box";
import { POLICY_CONTENT_MAX } from "@/lib/schemas/organizations";

const number = (n: number) => n.toLocaleString("en-US");

/** How much of the 5,120 characters an SCP or RCP may have is used: AWS counts every character, whitespace included. */
export function PolicySizeMeter({ length }: { length: number }) {
  const over = length > POLICY_CONTENT_MAX;
  return (
    <Box variant="small" color={over ? "text-status-error" : "text-body-secondary"} data-testid="policy-size">
      {number(length)} / {number(POLICY_CONTENT_MAX)} characters
      {over && ` — ${number(length - POLICY_CONTENT_MAX)} over the limit. AWS counts every character, whitespace included.`}
    </Box>
  );
}
