"use client";

import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table, { type TableProps } from "@cloudscape-design/components/table";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useMemo, useState, type ReactNode } from "react";
import { useBreadcrumbs } from "@/components/shell/shell-context";
import { headerCounter } from "@/components/common/list-counts";
import { ListPagination } from "@/components/common/list-pagination";
import { SearchFilter } from "@/components/common/search-filter";
import { TablePreferences } from "@/components/common/table-preferences";
import { useServerList } from "@/components/common/use-server-list";
import { USERS_URL, userKeys, useUserActivity } from "@/lib/queries/users";
import { useDeleteUsers } from "./use-delete-users";
import { userNameColumn } from "./user-link";
import type { UserActivity, UserSummary } from "@/lib/server/services/users";
import { age, ago } from "@/lib/format/time";

// Loads after the page: only a click on Delete shows it.
const DeleteUsersModal = dynamic(() => import("./delete-users-modal").then((m) => m.DeleteUsersModal), { ssr: false });

/** The AWS console's Users page: searched by name or ARN, sorted and paged on the server, one page in the browser. */
export function UsersTable() {
  useBreadcrumbs([{ text: "Users", href: "/users" }]);
  const router = useRouter();
  const list = useServerList<UserSummary>({ url: USERS_URL, queryKey: userKeys.lists(), defaultSort: "userName", syncUrl: true });
  const { items, query } = list;
  const activity = useUserActivity(items.map((u) => u.userName));
  const byName = useMemo(() => new Map((activity.data ?? []).map((a) => [a.userName, a])), [activity.data]);
  const [confirming, setConfirming] = useState(false);
  const deleteUsers = useDeleteUsers();
  const selected = list.selectedItems;
  const loaded = (u: UserSummary, cell: (a: UserActivity) => ReactNode) => {
    const a = byName.get(u.userName);
    return a ? cell(a) : "…";
  };

  const columns: TableProps.ColumnDefinition<UserSummary>[] = [
    userNameColumn,
    { id: "path", header: "Path", sortingField: "path", cell: (u) => u.path },
    { id: "groups", header: "Groups", cell: (u) => loaded(u, (a) => a.groups.length || "None") },
    {
      id: "lastActivity",
      header: "Last activity",
      cell: (u) => ago([u.passwordLastUsed, byName.get(u.userName)?.lastActivity].filter(Boolean).sort().pop()),
    },
    { id: "passwordAge", header: "Password age", cell: (u) => loaded(u, (a) => (a.passwordEnabled ? age(a.passwordCreated) : "-")) },
    { id: "keyAge", header: "Access key age", cell: (u) => loaded(u, (a) => age(a.oldestActiveKeyCreated)) },
    { id: "created", header: "Created", sortingField: "createDate", cell: (u) => ago(u.createDate) },
  ];

  async function confirmDelete() {
    const names = selected.map((u) => u.userName);
    setConfirming(false);
    const deleted = await deleteUsers(names);
    list.setSelectedItems(selected.filter((u) => !deleted.includes(u.userName)));
  }

  return (
    <>
      <Table
        {...list.tableProps}
        trackBy="userName"
        data-testid="users-table"
        variant="full-page"
        items={items}
        columnDefinitions={columns}
        loading={query.isLoading}
        loadingText="Loading users"
        selectionType="multi"
        ariaLabels={{
          itemSelectionLabel: (_, u) => u.userName,
          allItemsSelectionLabel: () => "Select all users",
          selectionGroupLabel: "Users",
        }}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={headerCounter(list.total, selected.length)}
            description="An IAM user is an identity with long-term credentials that is used to interact with AWS in an account."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button
                  iconName="refresh"
                  ariaLabel="Refresh"
                  loading={query.isFetching && !query.isLoading}
                  onClick={() => void list.refresh()}
                />
                <Button disabled={!selected.length} onClick={() => setConfirming(true)} data-testid="delete-users">
                  Delete
                </Button>
                <Button variant="primary" onClick={() => router.push("/users/create")}>
                  Create user
                </Button>
              </SpaceBetween>
            }
          >
            Users
          </Header>
        }
        filter={<SearchFilter {...list.filterProps} placeholder="Search users by name or ARN" ariaLabel="Filter users" />}
        pagination={<ListPagination {...list.paginationProps} />}
        preferences={<TablePreferences pageSize={list.pageSize} onPageSizeChange={list.setPageSize} noun="users" />}
        empty={query.error ? query.error.message : list.filtered ? "No users match the filter." : "No users to display."}
      />
      <DeleteUsersModal
        visible={confirming}
        userNames={selected.map((u) => u.userName)}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void confirmDelete()}
      />
    </>
  );
}
