"use client";

import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import SpaceBetween from "@cloudscape-design/components/space-between";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import Table, { type TableProps } from "@cloudscape-design/components/table";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useBreadcrumbs } from "@/components/shell/shell-context";
import { headerCounter } from "@/components/common/list-counts";
import { ListPagination } from "@/components/common/list-pagination";
import { SearchFilter } from "@/components/common/search-filter";
import { TablePreferences } from "@/components/common/table-preferences";
import { useServerList } from "@/components/common/use-server-list";
import { GROUPS_URL, groupKeys, useGroupDetails } from "@/lib/queries/groups";
import type { GroupDetail, GroupSummary } from "@/lib/server/services/groups";
import { ago } from "@/lib/format/time";
import { groupHref } from "./group-href";

// Loads after the page: only a click on Delete shows it.
const DeleteGroupsModal = dynamic(() => import("./delete-groups-modal").then((m) => m.DeleteGroupsModal), { ssr: false });

type Detail = { data?: GroupDetail; error?: string };

function permissionsCell(d: Detail) {
  if (d.error) return <StatusIndicator type="error">{d.error}</StatusIndicator>;
  if (!d.data) return <StatusIndicator type="loading">Loading</StatusIndicator>;
  return d.data.attachedPolicyCount + d.data.inlinePolicyCount ? "Defined" : "Not defined";
}

/**
 * The AWS console's "User groups" page: searched by name, sorted and paged on the server; users and
 * permissions read per visible row (ListGroups returns neither), so they are shown but not sorted on.
 */
export function GroupsTable() {
  useBreadcrumbs([{ text: "User groups", href: "/groups" }]);
  const router = useRouter();
  const list = useServerList<GroupSummary>({ url: GROUPS_URL, queryKey: groupKeys.lists(), defaultSort: "groupName", syncUrl: true });
  const { items, query } = list;
  const details = useGroupDetails(items.map((g) => g.groupName));
  const detailOf = new Map(items.map((g, i) => [g.groupName, { data: details[i]?.data, error: details[i]?.error?.message } as Detail]));
  const detail = (g: GroupSummary) => detailOf.get(g.groupName) ?? {};
  const selected = list.selectedItems;
  const [deleting, setDeleting] = useState(false);

  const columns: TableProps.ColumnDefinition<GroupSummary>[] = [
    {
      id: "groupName",
      header: "Group name",
      sortingField: "groupName",
      cell: (g) => (
        <Link href={groupHref(g.groupName)} onFollow={(e) => (e.preventDefault(), router.push(groupHref(g.groupName)))}>
          {g.groupName}
        </Link>
      ),
    },
    { id: "users", header: "Users", cell: (g) => detail(g).data?.userCount ?? (detail(g).error ? "-" : "…") },
    { id: "permissions", header: "Permissions", cell: (g) => permissionsCell(detail(g)) },
    { id: "created", header: "Creation time", sortingField: "createDate", cell: (g) => ago(g.createDate) },
  ];

  return (
    <>
      <Table
        {...list.tableProps}
        trackBy="groupName"
        data-testid="groups-table"
        variant="full-page"
        items={items}
        columnDefinitions={columns}
        loading={query.isLoading}
        loadingText="Loading user groups"
        selectionType="multi"
        ariaLabels={{
          selectionGroupLabel: "Group selection",
          itemSelectionLabel: (_, g) => `Select ${g.groupName}`,
          allItemsSelectionLabel: () => "Select all",
        }}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={headerCounter(list.total, selected.length)}
            description="A user group is a collection of IAM users. Use groups to specify permissions for a collection of users."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button
                  iconName="refresh"
                  ariaLabel="Refresh"
                  loading={query.isFetching && !query.isLoading}
                  onClick={() => void list.refresh()}
                />
                <Button disabled={!selected.length} onClick={() => setDeleting(true)}>
                  Delete
                </Button>
                <Button variant="primary" onClick={() => router.push("/groups/create")}>
                  Create group
                </Button>
              </SpaceBetween>
            }
          >
            User groups
          </Header>
        }
        filter={<SearchFilter {...list.filterProps} placeholder="Search groups by name" ariaLabel="Filter user groups" />}
        pagination={<ListPagination {...list.paginationProps} />}
        preferences={<TablePreferences pageSize={list.pageSize} onPageSizeChange={list.setPageSize} noun="user groups" />}
        empty={
          query.error ? (
            <StatusIndicator type="error">{query.error.message}</StatusIndicator>
          ) : list.filtered ? (
            "No user groups match the filter."
          ) : (
            "No user groups to display."
          )
        }
      />
      <DeleteGroupsModal
        groups={deleting ? selected.map((g) => ({ ...g, detail: detail(g).data })) : []}
        onClose={(deleted) => {
          setDeleting(false);
          if (deleted.length) list.setSelectedItems(selected.filter((g) => !deleted.includes(g.groupName)));
        }}
      />
    </>
  );
}
