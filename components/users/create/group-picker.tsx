"use client";

import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import Table from "@cloudscape-design/components/table";
import { headerCounter } from "@/components/common/list-counts";
import { ListPagination } from "@/components/common/list-pagination";
import { SearchFilter } from "@/components/common/search-filter";
import { useListCollection } from "@/components/common/use-list-collection";
import { useGroups } from "@/lib/queries/groups";
import { ago } from "@/lib/format/time";

/** "User groups": the groups to add the new user to, chosen across pages of the whole list. */
export function GroupPicker({ selected, onChange }: { selected: string[]; onChange: (groups: string[]) => void }) {
  const query = useGroups();
  const list = useListCollection(query.data, { searchText: (g) => [g.groupName], sortingField: "groupName", pageSize: 10 });
  const chosen = new Set(selected);

  return (
    <Table
      {...list.collectionProps}
      items={list.items}
      trackBy="groupName"
      selectionType="multi"
      selectedItems={(query.data ?? []).filter((g) => chosen.has(g.groupName))}
      onSelectionChange={(e) => onChange(e.detail.selectedItems.map((g) => g.groupName))}
      ariaLabels={{
        itemSelectionLabel: (_, g) => g.groupName,
        allItemsSelectionLabel: () => "Select all groups",
        selectionGroupLabel: "Groups",
      }}
      loading={query.isLoading}
      loadingText="Loading groups"
      columnDefinitions={[
        { id: "name", header: "Group name", sortingField: "groupName", cell: (g) => g.groupName },
        { id: "path", header: "Path", sortingField: "path", cell: (g) => g.path },
        { id: "created", header: "Created", sortingField: "createDate", cell: (g) => ago(g.createDate) },
      ]}
      header={
        <Header
          counter={headerCounter(query.data?.length, selected.length)}
          actions={
            <Button iconName="external" iconAlign="right" href="/groups/create" target="_blank">
              Create group
            </Button>
          }
          description="Add the user to up to 10 groups."
        >
          User groups
        </Header>
      }
      filter={
        <SearchFilter
          value={list.filterProps.filteringText}
          onChange={list.actions.setFiltering}
          countText={list.countText}
          placeholder="Search groups"
          ariaLabel="Filter groups"
        />
      }
      pagination={<ListPagination {...list.paginationProps} />}
      empty={
        query.error
          ? query.error.message
          : list.filtered
            ? "No groups match the filter."
            : "No groups. Create a group to add the user to it."
      }
    />
  );
}
