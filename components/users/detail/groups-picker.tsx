"use client";

import Header from "@cloudscape-design/components/header";
import Pagination from "@cloudscape-design/components/pagination";
import Table from "@cloudscape-design/components/table";
import TextFilter from "@cloudscape-design/components/text-filter";
import { useState } from "react";
import { useDebounced } from "@/components/common/use-debounced";
import { useMarkerPages } from "@/components/common/use-marker-pages";
import { useGroups } from "@/lib/queries/groups";
import { ago } from "@/lib/format/time";
import type { GroupSummary } from "@/lib/server/services/groups";

/** Choose user groups (server-side filter and paging); groups the user is already in can't be chosen again. */
export function GroupsPicker(props: { selected: string[]; onChange: (names: string[]) => void; memberOf: string[] }) {
  const [filterText, setFilterText] = useState("");
  const filter = useDebounced(filterText.trim(), 300);
  const pages = useMarkerPages(filter);
  const query = useGroups({ filter: filter || undefined, pageToken: pages.token, pageSize: 25 });
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
      filter={
        <TextFilter filteringText={filterText} filteringPlaceholder="Search groups by name" filteringAriaLabel="Filter groups" onChange={(e) => setFilterText(e.detail.filteringText)} />
      }
      pagination={
        <Pagination
          currentPageIndex={pages.index + 1}
          pagesCount={pages.count(query.data?.nextToken)}
          openEnd={!!query.data?.nextToken}
          onChange={(e) => pages.goTo(e.detail.currentPageIndex - 1, query.data?.nextToken)}
        />
      }
      empty={query.error ? query.error.message : filter ? "No groups match the filter." : "No user groups. Create a group first."}
    />
  );
}
