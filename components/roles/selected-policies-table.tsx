"use client";

import Table from "@cloudscape-design/components/table";
import { policyNameOf, policyTypeOf } from "./policy-arn";

/** The review of the managed policies chosen in step 2. */
export function SelectedPoliciesTable({ arns }: { arns: string[] }) {
  return (
    <Table
      variant="embedded"
      items={arns.map((arn) => ({ arn }))}
      trackBy="arn"
      columnDefinitions={[
        { id: "name", header: "Policy name", cell: (p) => policyNameOf(p.arn) },
        { id: "type", header: "Type", cell: (p) => policyTypeOf(p.arn) },
        { id: "use", header: "Attached as", cell: () => "Permissions policy" },
      ]}
      empty="No permissions policies selected."
    />
  );
}
