"use client";

import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table, { type TableProps } from "@cloudscape-design/components/table";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { useBreadcrumbs } from "@/components/shell/shell-context";
import { MarkerPagination } from "@/components/common/marker-pagination";
import { SearchFilter } from "@/components/common/search-filter";
import { useMarkerSearch } from "@/components/common/use-marker-search";
import { useUserActivity, useUsers } from "@/lib/queries/users";
import { DeleteUsersModal } from "./delete-users-modal";
import { useDeleteUsers } from "./use-delete-users";
import type { UserActivity, UserSummary } from "@/lib/server/services/users";
import { age, ago } from "@/lib/format/time";
import { userHref } from "@/components/users/detail/user-href";

type Row = UserSummary & { activity?: UserActivity };

const PAGE_SIZE = 25;

export function UsersTable() {
  useBreadcrumbs([{ text: "Users", href: "/users" }]);
  const router = useRouter();
  const search = useMarkerSearch();
  const { filter, pages } = search;
  const query = useUsers({ ...search.params, pageSize: PAGE_SIZE });
  const users = useMemo(() => query.data?.items ?? [], [query.data]);
  const activity = useUserActivity(users.map((u) => u.userName));
  const [selected, setSelected] = useState<Row[]>([]);
  // Selection follows what is shown: a new page, filter or refresh drops rows that are no longer listed.
  useEffect(() => {
    const shown = new Set(users.map((u) => u.userName));
    setSelected((s) => (s.every((u) => shown.has(u.userName)) ? s : s.filter((u) => shown.has(u.userName))));
  }, [users]);
  const [confirming, setConfirming] = useState(false);
  const deleteUsers = useDeleteUsers();
  const [sorting, setSorting] = useState<{ column: keyof Row; descending: boolean }>({ column: "userName", descending: false });

  const rows: Row[] = useMemo(() => {
    const byName = new Map((activity.data ?? []).map((a) => [a.userName, a]));
    const out = users.map((u) => ({ ...u, activity: byName.get(u.userName) }));
    const key = sorting.column;
    return out.sort((a, b) => String(a[key] ?? "").localeCompare(String(b[key] ?? "")) * (sorting.descending ? -1 : 1));
  }, [users, activity.data, sorting]);

  const columns: TableProps.ColumnDefinition<Row>[] = [
    {
      id: "userName",
      header: "User name",
      sortingField: "userName",
      cell: (u) => (
        <Link href={userHref(u.userName)} onFollow={(e) => (e.preventDefault(), router.push(userHref(u.userName)))}>
          {u.userName}
        </Link>
      ),
    },
    { id: "path", header: "Path", sortingField: "path", cell: (u) => u.path },
    { id: "groups", header: "Groups", cell: (u) => (u.activity ? u.activity.groups.length || "None" : "…") },
    {
      id: "lastActivity",
      header: "Last activity",
      cell: (u) => ago([u.passwordLastUsed, u.activity?.lastActivity].filter(Boolean).sort().pop()),
    },
    {
      id: "passwordAge",
      header: "Password age",
      cell: (u) => (u.activity ? (u.activity.passwordEnabled ? age(u.activity.passwordCreated) : "-") : "…"),
    },
    { id: "keyAge", header: "Access key age", cell: (u) => (u.activity ? age(u.activity.oldestActiveKeyCreated) : "…") },
    { id: "created", header: "Created", sortingField: "createDate", cell: (u) => ago(u.createDate) },
  ];

  async function confirmDelete() {
    const names = selected.map((u) => u.userName);
    setConfirming(false);
    await deleteUsers(names);
  }

  return (
    <>
      <Table
        variant="full-page"
        items={rows}
        columnDefinitions={columns}
        trackBy="userName"
        loading={query.isLoading}
        loadingText="Loading users"
        selectionType="multi"
        selectedItems={selected}
        onSelectionChange={(e) => setSelected(e.detail.selectedItems)}
        ariaLabels={{
          itemSelectionLabel: (_, u) => u.userName,
          allItemsSelectionLabel: () => "Select all users",
          selectionGroupLabel: "Users",
        }}
        sortingColumn={{ sortingField: sorting.column }}
        sortingDescending={sorting.descending}
        onSortingChange={(e) =>
          setSorting({ column: e.detail.sortingColumn.sortingField as keyof Row, descending: e.detail.isDescending ?? false })
        }
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={
              selected.length ? `(${selected.length}/${rows.length})` : `(${rows.length}${pages.hasMore(query.data?.nextToken) ? "+" : ""})`
            }
            description="An IAM user is an identity with long-term credentials that is used to interact with AWS in an account."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button iconName="refresh" ariaLabel="Refresh" onClick={() => void query.refetch()} />
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
        filter={
          <SearchFilter value={search.text} onChange={search.setText} placeholder="Search users by name or ARN" ariaLabel="Filter users" />
        }
        pagination={<MarkerPagination pages={pages} nextToken={query.data?.nextToken} />}
        empty={query.error ? query.error.message : filter ? "No users match the filter." : "No users to display."}
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
