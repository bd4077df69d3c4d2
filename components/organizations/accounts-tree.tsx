"use client";

import Button from "@cloudscape-design/components/button";
import ButtonDropdown from "@cloudscape-design/components/button-dropdown";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import TextFilter from "@cloudscape-design/components/text-filter";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { ApiErrorAlert } from "@/components/common/api-error-alert";
import { useOrganizationTree } from "@/lib/queries/organizations";
import { NodeActionModals, type NodeAction } from "./node-action-modals";
import { treeColumns } from "./tree-columns";
import { indexTree, matching, type TreeItem } from "./tree-items";
import { useOrgBreadcrumbs } from "./use-org-breadcrumbs";

/** "AWS accounts": the organization's hierarchy (root → OUs → accounts), with AWS's actions on the selected node. */
export function AccountsTree() {
  useOrgBreadcrumbs([{ text: "AWS accounts", href: "/organizations/accounts" }]);
  const router = useRouter();
  const tree = useOrganizationTree();
  const index = useMemo(() => (tree.data ? indexTree(tree.data) : undefined), [tree.data]);
  const [filter, setFilter] = useState("");
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [selectedId, setSelectedId] = useState<string>();
  const [action, setAction] = useState<NodeAction>();

  const keep = index ? matching(index, filter) : undefined;
  const childrenOf = (item: TreeItem) => (index?.children.get(item.id) ?? []).filter((c) => !keep || keep.has(c.id));
  const all = index ? [...index.byId.values()] : [];
  const selected = selectedId ? index?.byId.get(selectedId) : undefined;
  const management = tree.data?.organization.managementAccountId ?? "";
  const isMember = selected?.kind === "account" && selected.id !== management;

  const onAction = (id: string) => {
    if (!selected) return;
    const node = { id: selected.id, name: selected.name };
    if (id === "create-ou") setAction({ kind: "create-ou", parent: selected });
    if (id === "rename-ou" || id === "delete-ou") setAction({ kind: id, ou: node });
    if (id === "move") setAction({ kind: "move", account: { ...node, parentId: selected.parentId! } });
    if (id === "remove" || id === "close") setAction({ kind: id, account: node });
  };

  return (
    <>
      <Table
        variant="full-page"
        items={(index?.roots ?? []).filter((r) => !keep || keep.has(r.id))}
        trackBy="id"
        columnDefinitions={treeColumns(management, (href) => router.push(href))}
        loading={tree.isLoading}
        loadingText="Loading the organization"
        selectionType="single"
        selectedItems={selected ? [selected] : []}
        onSelectionChange={(e) => setSelectedId(e.detail.selectedItems[0]?.id)}
        ariaLabels={{
          selectionGroupLabel: "Organization nodes",
          itemSelectionLabel: (_s, item) => `Select ${item.name}`,
          allItemsSelectionLabel: () => "Select all",
        }}
        expandableRows={{
          getItemChildren: childrenOf,
          isItemExpandable: (item) => item.kind !== "account" && childrenOf(item).length > 0,
          expandedItems: all.filter((i) => i.kind !== "account" && childrenOf(i).length > 0 && (!!keep || !collapsed.has(i.id))),
          onExpandableItemToggle: ({ detail }) =>
            setCollapsed((c) => {
              const next = new Set(c);
              if (detail.expanded) next.delete(detail.item.id);
              else next.add(detail.item.id);
              return next;
            }),
        }}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={index ? `(${tree.data!.accounts.length})` : undefined}
            description="The organization's structure: its root, the organizational units (OUs) in it, and the AWS accounts in each."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button
                  iconName="refresh"
                  ariaLabel="Refresh"
                  loading={tree.isFetching && !tree.isLoading}
                  onClick={() => void tree.refetch()}
                />
                <ButtonDropdown
                  data-testid="tree-actions"
                  onItemClick={(e) => onAction(e.detail.id)}
                  items={[
                    {
                      text: "Organizational unit",
                      items: [
                        { id: "create-ou", text: "Create new", disabled: !selected || selected.kind === "account" },
                        { id: "rename-ou", text: "Rename", disabled: selected?.kind !== "ou" },
                        { id: "delete-ou", text: "Delete", disabled: selected?.kind !== "ou" },
                      ],
                    },
                    {
                      text: "AWS account",
                      items: [
                        { id: "move", text: "Move", disabled: selected?.kind !== "account" },
                        { id: "remove", text: "Remove from organization", disabled: !isMember },
                        { id: "close", text: "Close", disabled: !isMember },
                      ],
                    },
                  ]}
                >
                  Actions
                </ButtonDropdown>
                <Button variant="primary" onClick={() => router.push("/organizations/accounts/add")} data-testid="add-account">
                  Add an AWS account
                </Button>
              </SpaceBetween>
            }
          >
            AWS accounts
          </Header>
        }
        filter={
          <TextFilter
            filteringText={filter}
            filteringPlaceholder="Find AWS accounts and OUs by name, ID or email"
            filteringAriaLabel="Filter the organization"
            onChange={(e) => setFilter(e.detail.filteringText)}
          />
        }
        empty={tree.error ? <ApiErrorAlert error={tree.error} testId="tree-error" /> : "No matches."}
      />
      <NodeActionModals action={action} onClose={() => setAction(undefined)} onGone={() => setSelectedId(undefined)} />
    </>
  );
}
