"use client";

import Table from "@cloudscape-design/components/table";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { ApiErrorAlert } from "@/components/common/api-error-alert";
import { useOrganizationTree } from "@/lib/queries/organizations";
import { treeColumns } from "./tree-columns";
import { indexTree } from "./tree-items";

/** The OUs and accounts directly under a root or OU. */
export function NodeChildrenTab({ parentId }: { parentId: string }) {
  const router = useRouter();
  const tree = useOrganizationTree();
  const children = useMemo(() => (tree.data ? (indexTree(tree.data).children.get(parentId) ?? []) : []), [tree.data, parentId]);
  return (
    <Table
      items={children}
      trackBy="id"
      columnDefinitions={treeColumns(tree.data?.organization.managementAccountId ?? "", (href) => router.push(href))}
      loading={tree.isLoading}
      loadingText="Loading the organization"
      empty={tree.error ? <ApiErrorAlert error={tree.error} /> : "No organizational units or accounts."}
    />
  );
}
