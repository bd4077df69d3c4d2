"use client";

import Header from "@cloudscape-design/components/header";
import Table from "@cloudscape-design/components/table";
import { CHANGE_PASSWORD_POLICY_ARN } from "@/lib/schemas/users";
import { policyNameOf, policyTypeOf, type Plan } from "./draft";

type Row = { name: string; type: string; usedAs: string };

/** The review's "Permissions summary": every group, policy and boundary Create will apply. */
export function PermissionsSummary({ plan }: { plan: Plan }) {
  const rows: Row[] = [
    ...plan.groups.map((g) => ({ name: g, type: "Group", usedAs: "Permissions group" })),
    ...[...plan.policyArns, ...(plan.changePasswordPolicy ? [CHANGE_PASSWORD_POLICY_ARN] : [])].map((arn) => ({
      name: policyNameOf(arn),
      type: policyTypeOf(arn),
      usedAs: "Permissions policy",
    })),
    ...(plan.permissionsBoundary
      ? [{ name: policyNameOf(plan.permissionsBoundary), type: policyTypeOf(plan.permissionsBoundary), usedAs: "Permissions boundary" }]
      : []),
  ];
  return (
    <Table
      items={rows}
      trackBy={(r) => `${r.usedAs}:${r.name}`}
      columnDefinitions={[
        { id: "name", header: "Name", cell: (r) => r.name },
        { id: "type", header: "Type", cell: (r) => r.type },
        { id: "usedAs", header: "Used as", cell: (r) => r.usedAs },
      ]}
      header={<Header counter={`(${rows.length})`}>Permissions summary</Header>}
      empty="The user will have no permissions."
      data-testid="permissions-summary"
    />
  );
}
