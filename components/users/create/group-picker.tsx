"use client";

import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import Table from "@cloudscape-design/components/table";
import { MarkerPagination } from "@/components/common/marker-pagination";
import { SearchFilter } from "@/components/common/search-filter";
import { useMarkerSearch } from "@/components/common/use-marker-search";
import { useGroups } from "@/lib/queries/groups";
import { ago } from "@/lib/format/time";

/** "User groups": the groups to add the new user to, chosen across pages (server-side filter and paging). */
export function GroupPicker({ selected, onChange }: { selected: string[]; onChange: (groups: string[]) => void }) {
  const search = useMarkerSearch();
  const query = useGroups({ ...search.params, pageSize: 10 });
  const items = query.data?.items ?? [];
  const onPage = new Set(items.map((g) => g.groupName));

  return (
    <Table
      items={items}
      trackBy="groupName"
      selectionType="multi"
      selectedItems={items.filter((g) => selected.includes(g.groupName))}
      onSelectionChange={(e) => onChange([...selected.filter((n) => !onPage.has(n)), ...e.detail.selectedItems.map((g) => g.groupName)])}
      ariaLabels={{
        itemSelectionLabel: (_, g) => g.groupName,
        allItemsSelectionLabel: () => "Select all groups",
        selectionGroupLabel: "Groups",
      }}
      loading={query.isLoading}
      loadingText="Loading groups"
      columnDefinitions={[
        { id: "name", header: "Group name", cell: (g) => g.groupName },
        { id: "path", header: "Path", cell: (g) => g.path },
        { id: "created", header: "Created", cell: (g) => ago(g.createDate) },
      ]}
      header={
        <Header
          counter={selected.length ? `(${selected.length}/${items.length})` : `(${items.length}${query.data?.nextToken ? "+" : ""})`}
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
      filter={<SearchFilter value={search.text} onChange={search.setText} placeholder="Search groups" ariaLabel="Filter groups" />}
      pagination={<MarkerPagination pages={search.pages} nextToken={query.data?.nextToken} />}
      empty={
        query.error
          ? query.error.message
          : search.filter
            ? "No groups match the filter."
            : "No groups. Create a group to add the user to it."
      }
    />
  );
}
