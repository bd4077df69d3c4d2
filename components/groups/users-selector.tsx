"use client";

import Header from "@cloudscape-design/components/header";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import Table, { type TableProps } from "@cloudscape-design/components/table";
import type { ReactNode } from "react";
import { headerCounter } from "@/components/common/list-counts";
import { ListPagination } from "@/components/common/list-pagination";
import { SearchFilter } from "@/components/common/search-filter";
import { useListCollection } from "@/components/common/use-list-collection";
import { useUsers } from "@/lib/queries/users";
import { ago } from "@/lib/format/time";
import type { UserSummary } from "@/lib/server/services/users";

/**
 * Choose IAM users from the whole list (searched by name or ARN, sorted and paged in the browser); the selection is
 * kept by name across pages and searches.
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
  const query = useUsers();
  const list = useListCollection(query.data, { searchText: (u) => [u.userName, u.arn], sortingField: "userName", pageSize: 10 });
  const chosen = new Set(props.selected);
  const isMember = (name: string) => props.members?.has(name.toLowerCase()) ?? false;
  const columns: TableProps.ColumnDefinition<UserSummary>[] = [
    { id: "userName", header: "User name", sortingField: "userName", cell: (u) => u.userName },
    ...(props.members
      ? [
          {
            id: "membership",
            header: "In group",
            cell: (u: UserSummary) => (isMember(u.userName) ? <StatusIndicator type="success">Already a member</StatusIndicator> : "-"),
          },
        ]
      : []),
    { id: "created", header: "Creation time", sortingField: "createDate", cell: (u) => ago(u.createDate) },
  ];

  return (
    <Table
      {...list.collectionProps}
      variant={props.variant ?? "container"}
      items={list.items}
      trackBy="userName"
      selectionType="multi"
      selectedItems={(query.data ?? []).filter((u) => chosen.has(u.userName))}
      isItemDisabled={(u) => isMember(u.userName)}
      onSelectionChange={(e) => props.onChange(e.detail.selectedItems.map((u) => u.userName))}
      ariaLabels={{
        selectionGroupLabel: "User selection",
        itemSelectionLabel: (_, u) => `Select user ${u.userName}`,
        allItemsSelectionLabel: () => "Select all users",
      }}
      loading={query.isLoading}
      loadingText="Loading users"
      columnDefinitions={columns}
      header={
        <Header counter={headerCounter(query.data?.length, props.selected.length)} description={props.description}>
          {props.title}
        </Header>
      }
      filter={
        <SearchFilter
          value={list.filterProps.filteringText}
          onChange={list.actions.setFiltering}
          countText={list.countText}
          placeholder="Search users by name or ARN"
          ariaLabel="Filter users"
        />
      }
      pagination={<ListPagination {...list.paginationProps} />}
      empty={
        query.error ? (
          <StatusIndicator type="error">{query.error.message}</StatusIndicator>
        ) : list.filtered ? (
          "No users match the filter."
        ) : (
          "No users to display."
        )
      }
    />
  );
}
