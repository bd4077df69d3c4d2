"use client";

import Header from "@cloudscape-design/components/header";
import Table from "@cloudscape-design/components/table";
import { headerCounter } from "@/components/common/list-counts";
import { ListPagination } from "@/components/common/list-pagination";
import { SearchFilter } from "@/components/common/search-filter";
import { useServerList } from "@/components/common/use-server-list";
import { GROUPS_URL, groupKeys } from "@/lib/queries/groups";
import { ago } from "@/lib/format/time";
import type { GroupSummary } from "@/lib/server/services/groups";

/** Choose user groups (searched, sorted, paged on the server); groups the user is in can't be chosen again. */
export function GroupsPicker(props: { selected: string[]; onChange: (names: string[]) => void; memberOf: string[] }) {
  const list = useServerList<GroupSummary>({ url: GROUPS_URL, queryKey: groupKeys.lists(), defaultSort: "groupName" });
  const { query } = list;
  const member = new Set(props.memberOf);
  const chosen = new Set(props.selected);

  return (
    <Table<GroupSummary>
      {...list.tableProps}
      items={list.items}
      trackBy="groupName"
      selectionType="multi"
      selectedItems={[...chosen].map((groupName) => ({ groupName }) as GroupSummary)}
      isItemDisabled={(g) => member.has(g.groupName)}
      onSelectionChange={(e) => props.onChange(e.detail.selectedItems.map((g) => g.groupName))}
      ariaLabels={{
        itemSelectionLabel: (_, g) => g.groupName,
        allItemsSelectionLabel: () => "Select all groups",
        selectionGroupLabel: "Groups",
      }}
      loading={query.isLoading}
      loadingText="Loading user groups"
      data-testid="groups-picker"
      columnDefinitions={[
        {
          id: "name",
          header: "Group name",
          sortingField: "groupName",
          cell: (g) => g.groupName + (member.has(g.groupName) ? " (already a member)" : ""),
        },
        { id: "path", header: "Path", sortingField: "path", cell: (g) => g.path },
        { id: "created", header: "Created", sortingField: "createDate", cell: (g) => ago(g.createDate) },
      ]}
      header={<Header counter={headerCounter(list.total, props.selected.length)}>User groups</Header>}
      filter={<SearchFilter {...list.filterProps} placeholder="Search groups by name" ariaLabel="Filter groups" />}
      pagination={<ListPagination {...list.paginationProps} />}
      empty={query.error ? query.error.message : list.filtered ? "No groups match the filter." : "No user groups. Create a group first."}
    />
  );
}
