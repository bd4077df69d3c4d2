"use client";

import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import Table from "@cloudscape-design/components/table";
import { headerCounter } from "@/components/common/list-counts";
import { ListPagination } from "@/components/common/list-pagination";
import { SearchFilter } from "@/components/common/search-filter";
import { useServerList } from "@/components/common/use-server-list";
import { GROUPS_URL, groupKeys } from "@/lib/queries/groups";
import type { GroupSummary } from "@/lib/server/services/groups";
import { ago } from "@/lib/format/time";

/** "User groups": the groups to add the new user to, chosen across pages searched, sorted and paged on the server. */
export function GroupPicker({ selected, onChange }: { selected: string[]; onChange: (groups: string[]) => void }) {
  const list = useServerList<GroupSummary>({ url: GROUPS_URL, queryKey: groupKeys.lists(), defaultSort: "groupName", pageSize: 10 });
  const { query } = list;
  const chosen = new Set(selected);

  return (
    <Table
      {...list.tableProps}
      items={list.items}
      trackBy="groupName"
      selectionType="multi"
      selectedItems={[...chosen].map((groupName) => ({ groupName }) as GroupSummary)}
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
          counter={headerCounter(list.total, selected.length)}
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
      filter={<SearchFilter {...list.filterProps} placeholder="Search groups" ariaLabel="Filter groups" />}
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
