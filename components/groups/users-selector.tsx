"use client";

import Header from "@cloudscape-design/components/header";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import Table, { type TableProps } from "@cloudscape-design/components/table";
import type { ReactNode } from "react";
import { headerCounter } from "@/components/common/list-counts";
import { ListPagination } from "@/components/common/list-pagination";
import { SearchFilter } from "@/components/common/search-filter";
import { useServerList } from "@/components/common/use-server-list";
import { USERS_URL, userKeys } from "@/lib/queries/users";
import { ago } from "@/lib/format/time";
import type { UserSummary } from "@/lib/server/services/users";

/**
 * Choose IAM users, searched by name or ARN, sorted and paged on the server; the selection is kept by name across
 * pages and searches.
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
  const list = useServerList<UserSummary>({ url: USERS_URL, queryKey: userKeys.lists(), defaultSort: "userName", pageSize: 10 });
  const { query } = list;
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
      {...list.tableProps}
      variant={props.variant ?? "container"}
      items={list.items}
      trackBy="userName"
      selectionType="multi"
      selectedItems={[...chosen].map((userName) => ({ userName }) as UserSummary)}
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
        <Header counter={headerCounter(list.total, props.selected.length)} description={props.description}>
          {props.title}
        </Header>
      }
      filter={<SearchFilter {...list.filterProps} placeholder="Search users by name or ARN" ariaLabel="Filter users" />}
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
