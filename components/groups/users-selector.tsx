"use client";

import Header from "@cloudscape-design/components/header";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import Table, { type TableProps } from "@cloudscape-design/components/table";
import type { ReactNode } from "react";
import { MarkerPagination } from "@/components/common/marker-pagination";
import { SearchFilter } from "@/components/common/search-filter";
import { useMarkerSearch } from "@/components/common/use-marker-search";
import { useUsers } from "@/lib/queries/users";
import { ago } from "@/lib/format/time";
import type { UserSummary } from "@/lib/server/services/users";

/**
 * Choose IAM users from /api/users (server-side filter and paging); the selection is kept by name across pages.
 * `members` are already in the group: shown, but not selectable.
 */
export function UsersSelector(props: {
  title: ReactNode;
  description?: ReactNode;
  selected: string[];
  onChange: (userNames: string[]) => void;
  members?: Set<string>;
  variant?: "container" | "embedded";
}) {
  const search = useMarkerSearch();
  const query = useUsers({ ...search.params, pageSize: 10 });
  const items = query.data?.items ?? [];
  const onPage = new Set(items.map((u) => u.userName));
  const isMember = (name: string) => props.members?.has(name.toLowerCase()) ?? false;
  const columns: TableProps.ColumnDefinition<UserSummary>[] = [
    { id: "userName", header: "User name", cell: (u) => u.userName },
    ...(props.members
      ? [
          {
            id: "membership",
            header: "In group",
            cell: (u: UserSummary) => (isMember(u.userName) ? <StatusIndicator type="success">Already a member</StatusIndicator> : "-"),
          },
        ]
      : []),
    { id: "created", header: "Creation time", cell: (u) => ago(u.createDate) },
  ];

  return (
    <Table
      variant={props.variant ?? "container"}
      items={items}
      trackBy="userName"
      selectionType="multi"
      selectedItems={items.filter((u) => props.selected.includes(u.userName))}
      isItemDisabled={(u) => isMember(u.userName)}
      onSelectionChange={(e) =>
        props.onChange([...props.selected.filter((n) => !onPage.has(n)), ...e.detail.selectedItems.map((u) => u.userName)])
      }
      ariaLabels={{
        selectionGroupLabel: "User selection",
        itemSelectionLabel: (_, u) => `Select user ${u.userName}`,
        allItemsSelectionLabel: () => "Select all users",
      }}
      loading={query.isLoading}
      loadingText="Loading users"
      columnDefinitions={columns}
      header={
        <Header counter={props.selected.length ? `(${props.selected.length} selected)` : undefined} description={props.description}>
          {props.title}
        </Header>
      }
      filter={
        <SearchFilter value={search.text} onChange={search.setText} placeholder="Search users by name or ARN" ariaLabel="Filter users" />
      }
      pagination={<MarkerPagination pages={search.pages} nextToken={query.data?.nextToken} />}
      empty={
        query.error ? (
          <StatusIndicator type="error">{query.error.message}</StatusIndicator>
        ) : search.filter ? (
          "No users match the filter."
        ) : (
          "No users to display."
        )
      }
    />
  );
}
