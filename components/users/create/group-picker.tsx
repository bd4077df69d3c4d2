"use client";

import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import Pagination from "@cloudscape-design/components/pagination";
import Table from "@cloudscape-design/components/table";
import TextFilter from "@cloudscape-design/components/text-filter";
import { useState } from "react";
import { useDebounced } from "@/components/common/use-debounced";
import { useMarkerPages } from "@/components/common/use-marker-pages";
import { useGroups } from "@/lib/queries/groups";
import { ago } from "@/lib/format/time";

/** "User groups": the groups to add the new user to, chosen across pages (server-side filter and paging). */
export function GroupPicker({ selected, onChange }: { selected: string[]; onChange: (groups: string[]) => void }) {
  const [filterText, setFilterText] = useState("");
  const filter = useDebounced(filterText.trim(), 300);
  const pages = useMarkerPages(filter);
  const query = useGroups({ filter: filter || undefined, pageToken: pages.token, pageSize: 10 });
  const items = query.data?.items ?? [];
  const onPage = new Set(items.map((g) => g.groupName));

  return (
    <Table
      items={items}
      trackBy="groupName"
      selectionType="multi"
      selectedItems={items.filter((g) => selected.includes(g.groupName))}
      onSelectionChange={(e) => onChange([...selected.filter((n) => !onPage.has(n)), ...e.detail.selectedItems.map((g) => g.groupName)])}
      ariaLabels={{ itemSelectionLabel: (_, g) => g.groupName, allItemsSelectionLabel: () => "Select all groups", selectionGroupLabel: "Groups" }}
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
      filter={
        <TextFilter
          filteringText={filterText}
          filteringPlaceholder="Search groups"
          filteringAriaLabel="Filter groups"
          onChange={(e) => setFilterText(e.detail.filteringText)}
        />
      }
      pagination={
        <Pagination
          currentPageIndex={pages.index + 1}
          pagesCount={pages.count(query.data?.nextToken)}
          openEnd={!!query.data?.nextToken}
          onChange={(e) => pages.goTo(e.detail.currentPageIndex - 1, query.data?.nextToken)}
        />
      }
      empty={query.error ? query.error.message : filter ? "No groups match the filter." : "No groups. Create a group to add the user to it."}
    />
  );
}
