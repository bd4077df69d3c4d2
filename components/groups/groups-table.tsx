"use client";

import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import SpaceBetween from "@cloudscape-design/components/space-between";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import Table, { type TableProps } from "@cloudscape-design/components/table";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useBreadcrumbs } from "@/components/shell/shell-context";
import { MarkerPagination } from "@/components/common/marker-pagination";
import { SearchFilter } from "@/components/common/search-filter";
import { useMarkerSearch } from "@/components/common/use-marker-search";
import { useGroupDetails, useGroups } from "@/lib/queries/groups";
import type { GroupDetail, GroupSummary } from "@/lib/server/services/groups";
import { ago } from "@/lib/format/time";
import { DeleteGroupsModal } from "./delete-groups-modal";
import { groupHref } from "./group-href";

export type GroupRow = GroupSummary & { detail?: GroupDetail; detailError?: string };

const PAGE_SIZE = 25;

function permissionsCell(g: GroupRow) {
  if (g.detailError) return <StatusIndicator type="error">{g.detailError}</StatusIndicator>;
  if (!g.detail) return <StatusIndicator type="loading">Loading</StatusIndicator>;
  return g.detail.attachedPolicyCount + g.detail.inlinePolicyCount ? "Defined" : "Not defined";
}

/** The AWS console's "User groups" page: server-side filter and paging, per-row users and permissions, bulk delete. */
export function GroupsTable() {
  useBreadcrumbs([{ text: "User groups", href: "/groups" }]);
  const router = useRouter();
  const search = useMarkerSearch();
  const { filter, pages } = search;
  const query = useGroups({ ...search.params, pageSize: PAGE_SIZE });
  const groups = useMemo(() => query.data?.items ?? [], [query.data]);
  const details = useGroupDetails(groups.map((g) => g.groupName));
  const [selected, setSelected] = useState<GroupRow[]>([]);
  const [deleting, setDeleting] = useState(false);
  const [sorting, setSorting] = useState<{ column: string; descending: boolean }>({ column: "groupName", descending: false });

  const rows: GroupRow[] = useMemo(() => {
    const out = groups.map((g, i) => ({ ...g, detail: details[i]?.data, detailError: details[i]?.error?.message }));
    const value = (r: GroupRow) =>
      sorting.column === "userCount" ? String(r.detail?.userCount ?? 0).padStart(8, "0") : String(r[sorting.column as keyof GroupSummary]);
    return out.sort((a, b) => value(a).localeCompare(value(b)) * (sorting.descending ? -1 : 1));
  }, [groups, details, sorting]);

  const columns: TableProps.ColumnDefinition<GroupRow>[] = [
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
    { id: "users", header: "Users", sortingField: "userCount", cell: (g) => (g.detail ? g.detail.userCount : g.detailError ? "-" : "…") },
    { id: "permissions", header: "Permissions", cell: permissionsCell },
    { id: "created", header: "Creation time", sortingField: "createDate", cell: (g) => ago(g.createDate) },
  ];

  const hasMore = pages.hasMore(query.data?.nextToken);
  return (
    <>
      <Table
        variant="full-page"
        items={rows}
        columnDefinitions={columns}
        trackBy="groupName"
        loading={query.isLoading}
        loadingText="Loading user groups"
        selectionType="multi"
        selectedItems={selected}
        onSelectionChange={(e) => setSelected(e.detail.selectedItems)}
        ariaLabels={{
          selectionGroupLabel: "Group selection",
          itemSelectionLabel: (_, g) => `Select ${g.groupName}`,
          allItemsSelectionLabel: () => "Select all",
        }}
        sortingColumn={{ sortingField: sorting.column }}
        sortingDescending={sorting.descending}
        onSortingChange={(e) => setSorting({ column: e.detail.sortingColumn.sortingField!, descending: e.detail.isDescending ?? false })}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={selected.length ? `(${selected.length}/${rows.length}${hasMore ? "+" : ""})` : `(${rows.length}${hasMore ? "+" : ""})`}
            description="A user group is a collection of IAM users. Use groups to specify permissions for a collection of users."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button iconName="refresh" ariaLabel="Refresh" onClick={() => void query.refetch()} />
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
        filter={
          <SearchFilter
            value={search.text}
            onChange={search.setText}
            placeholder="Search groups by name"
            ariaLabel="Filter user groups"
            countText={filter && !query.isFetching ? `${rows.length}${hasMore ? "+" : ""} matches` : undefined}
          />
        }
        pagination={<MarkerPagination pages={pages} nextToken={query.data?.nextToken} />}
        empty={
          query.error ? (
            <StatusIndicator type="error">{query.error.message}</StatusIndicator>
          ) : filter ? (
            "No user groups match the filter."
          ) : (
            "No user groups to display."
          )
        }
      />
      <DeleteGroupsModal
        groups={deleting ? selected : []}
        onClose={(deleted) => {
          setDeleting(false);
          if (deleted.length) setSelected((s) => s.filter((g) => !deleted.includes(g.groupName)));
        }}
      />
    </>
  );
}
