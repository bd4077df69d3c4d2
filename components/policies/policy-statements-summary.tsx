"use client";

import Box from "@cloudscape-design/components/box";
import Table from "@cloudscape-design/components/table";
import { parsePolicy } from "@/lib/policy/parse";
import type { Statement } from "@/lib/policy/types";

const list = (values: string[] | undefined) => (values?.length ? values.join(", ") : "-");

/** "Permissions defined in this policy": one row per statement, read from the document with lib/policy. */
export function PolicyStatementsSummary({ document }: { document: string }) {
  const policy = parsePolicy(document);
  if (!policy) return <Box color="text-status-error">The policy isn&apos;t valid JSON, so its permissions can&apos;t be summarized.</Box>;
  return (
    <Table<Statement>
      variant="embedded"
      items={policy.Statement}
      trackBy="index"
      columnDefinitions={[
        { id: "sid", header: "Statement", cell: (s) => s.Sid || `Statement ${s.index + 1}` },
        { id: "effect", header: "Effect", cell: (s) => s.Effect || "-" },
        { id: "action", header: "Action", cell: (s) => (s.NotAction ? `Not: ${list(s.NotAction)}` : list(s.Action)) },
        { id: "resource", header: "Resource", cell: (s) => (s.NotResource ? `Not: ${list(s.NotResource)}` : list(s.Resource)) },
        { id: "condition", header: "Condition", cell: (s) => (s.Condition ? Object.keys(s.Condition).join(", ") : "None") },
      ]}
      empty="This policy has no statements."
    />
  );
}
