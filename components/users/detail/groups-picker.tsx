"use client";

import Header from "@cloudscape-design/components/header";
import Table from "@cloudscape-design/components/table";
import { headerCounter } from "@/components/common/list-counts";
import { ListPagination } from "@/components/common/list-pagination";
import { SearchFilter } from "@/components/common/search-filter";
import { useListCollection } from "@/components/common/use-list-collection";
import { useGroups } from "@/lib/queries/groups";
import { ago } from "@/lib/format/time";
import type { GroupSummary } from "@/lib/server/services/groups";

/** Choose user groups from the whole list (searched, sorted, paged in the browser); groups the user is in can't be chosen again. */
export function GroupsPicker(props: { selected: string[]; onChange: (names: string[]) => void; memberOf: string[] }) {
  const query = useGroups();
  const list = useListCollection(query.data, { searchText: (g) => [g.groupName], sortingField: "groupName" });
  const member = new Set(props.memberOf);
  const chosen = new Set(props.selected);

  return (
    <Table<GroupSummary>
      {...list.collectionProps}
      items={list.items}
      trackBy="groupName"
      selectionType="multi"
      selectedItems={(query.data ?? []).filter((g) => chosen.has(g.groupName))}
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
      header={<Header counter={headerCounter(query.data?.length, props.selected.length)}>User groups</Header>}
      filter={
        <SearchFilter
          value={list.filterProps.filteringText}
          onChange={list.actions.setFiltering}
          countText={list.countText}
          placeholder="Search groups by name"
          ariaLabel="Filter groups"
        />
      }
      pagination={<ListPagination {...list.paginationProps} />}
      empty={query.error ? query.error.message : list.filtered ? "No groups match the filter." : "No user groups. Create a group first."}
    />
  );
}
