"use client";

import Header from "@cloudscape-design/components/header";
import Table from "@cloudscape-design/components/table";
import { MarkerPagination } from "@/components/common/marker-pagination";
import { SearchFilter } from "@/components/common/search-filter";
import { useMarkerSearch } from "@/components/common/use-marker-search";
import { useGroups } from "@/lib/queries/groups";
import { ago } from "@/lib/format/time";
import type { GroupSummary } from "@/lib/server/services/groups";

/** Choose user groups (server-side filter and paging); groups the user is already in can't be chosen again. */
export function GroupsPicker(props: { selected: string[]; onChange: (names: string[]) => void; memberOf: string[] }) {
  const search = useMarkerSearch();
  const query = useGroups({ ...search.params, pageSize: 25 });
  const items = query.data?.items ?? [];
  const member = new Set(props.memberOf);

  return (
    <Table<GroupSummary>
      items={items}
      trackBy="groupName"
      selectionType="multi"
      selectedItems={items.filter((g) => props.selected.includes(g.groupName))}
      isItemDisabled={(g) => member.has(g.groupName)}
      onSelectionChange={(e) => {
        const onPage = new Set(items.map((g) => g.groupName));
        props.onChange([...props.selected.filter((n) => !onPage.has(n)), ...e.detail.selectedItems.map((g) => g.groupName)]);
      }}
      loading={query.isLoading}
      loadingText="Loading user groups"
      data-testid="groups-picker"
      columnDefinitions={[
        { id: "name", header: "Group name", cell: (g) => g.groupName + (member.has(g.groupName) ? " (already a member)" : "") },
        { id: "path", header: "Path", cell: (g) => g.path },
        { id: "created", header: "Created", cell: (g) => ago(g.createDate) },
      ]}
      header={<Header counter={props.selected.length ? `(${props.selected.length} selected)` : undefined}>User groups</Header>}
      filter={<SearchFilter value={search.text} onChange={search.setText} placeholder="Search groups by name" ariaLabel="Filter groups" />}
      pagination={<MarkerPagination pages={search.pages} nextToken={query.data?.nextToken} />}
      empty={query.error ? query.error.message : search.filter ? "No groups match the filter." : "No user groups. Create a group first."}
    />
  );
}
