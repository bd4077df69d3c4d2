"use client";

import Badge from "@cloudscape-design/components/badge";
import Link from "@cloudscape-design/components/link";
import type { TableProps } from "@cloudscape-design/components/table";
import type { OrgPolicySummary } from "@/lib/queries/organizations-policies";
import { orgPolicyHref } from "./org-labels";

/** Name (linked), whether AWS or the organization manages it, and the description: how AWS's console lists policies. */
export function orgPolicyColumns(open: (href: string) => void): TableProps.ColumnDefinition<OrgPolicySummary>[] {
  return [
    {
      id: "name",
      header: "Policy name",
      isRowHeader: true,
      cell: (p) => (
        <Link href={orgPolicyHref(p.type, p.id)} onFollow={(e) => (e.preventDefault(), open(orgPolicyHref(p.type, p.id)))}>
          {p.name}
        </Link>
      ),
    },
    {
      id: "kind",
      header: "Type",
      cell: (p) => (p.awsManaged ? <Badge color="grey">AWS managed</Badge> : "Customer managed"),
    },
    { id: "description", header: "Description", maxWidth: 480, cell: (p) => p.description || "-" },
  ];
}
