"use client";

import Box from "@cloudscape-design/components/box";
import Table from "@cloudscape-design/components/table";
import type { PolicySource } from "@/lib/queries/simulator";

const via = (p: PolicySource) =>
  p.layer === "boundary" ? "Permissions boundary" : p.attachedTo.type === "group" ? `Group ${p.attachedTo.name}` : "Attached directly";

/** The policies a principal simulation evaluates, as the AWS policy simulator lists them beside the principal. */
export function PolicySourcesTable({ sources, loading, error }: { sources: PolicySource[]; loading: boolean; error?: string }) {
  return (
    <Table
      data-testid="policy-sources"
      variant="embedded"
      items={sources}
      loading={loading}
      loadingText="Loading policies"
      trackBy={(p) => `${p.layer}|${p.sourcePolicyId}`}
      columnDefinitions={[
        { id: "name", header: "Policy name", cell: (p) => p.policyName },
        { id: "type", header: "Type", cell: (p) => p.type },
        { id: "via", header: "Applies through", cell: via },
      ]}
      empty={<Box color="text-status-inactive">{error ?? "No policies: every action is implicitly denied."}</Box>}
    />
  );
}
