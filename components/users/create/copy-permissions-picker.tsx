"use client";

import Alert from "@cloudscape-design/components/alert";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import { headerCounter } from "@/components/common/list-counts";
import { ListPagination } from "@/components/common/list-pagination";
import { SearchFilter } from "@/components/common/search-filter";
import { useServerList } from "@/components/common/use-server-list";
import { USERS_URL, userKeys, useUserActivity, type UserSummary } from "@/lib/queries/users";
import type { PermissionsToCopy } from "@/lib/queries/users-create";
import { ago } from "@/lib/format/time";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

type Props = { selected?: string; onChange: (userName: string) => void; copied?: PermissionsToCopy; error?: Error | null };

/** "Copy permissions from user": one user whose groups, attached managed policies and boundary the new user gets. */
export function CopyPermissionsPicker({ selected, onChange, copied, error }: Props) {
  const list = useServerList<UserSummary>({ url: USERS_URL, queryKey: userKeys.lists(), defaultSort: "userName", pageSize: 10 });
  const { query } = list;
  const items = list.items;
  const activity = useUserActivity(items.map((u) => u.userName));
  const groupsOf = (name: string) => activity.data?.find((a) => a.userName === name)?.groups;

  return (
    <SpaceBetween size="m">
      <Table
        {...list.tableProps}
        items={items}
        trackBy="userName"
        selectionType="single"
        selectedItems={selected ? [{ userName: selected } as UserSummary] : []}
        onSelectionChange={(e) => e.detail.selectedItems[0] && onChange(e.detail.selectedItems[0].userName)}
        ariaLabels={{ itemSelectionLabel: (_, u) => u.userName, selectionGroupLabel: "Users" }}
        loading={query.isLoading}
        loadingText="Loading users"
        columnDefinitions={[
          { id: "name", header: "User name", sortingField: "userName", cell: (u) => u.userName },
          { id: "groups", header: "Groups", cell: (u) => groupsOf(u.userName)?.join(", ") || (groupsOf(u.userName) ? "None" : "…") },
          { id: "created", header: "Created", sortingField: "createDate", cell: (u) => ago(u.createDate) },
        ]}
        header={
          <Header
            counter={headerCounter(list.total)}
            description="Choose a user to copy its group memberships, attached managed policies and permissions boundary."
          >
            Copy permissions from user
          </Header>
        }
        filter={<SearchFilter {...list.filterProps} placeholder="Search users" ariaLabel="Filter users" />}
        pagination={<ListPagination {...list.paginationProps} />}
        empty={query.error ? query.error.message : list.filtered ? "No users match the filter." : "No users to copy from."}
      />
      {error && (
        <Alert type="error" header="Couldn't read the user's permissions">
          {error.message}
        </Alert>
      )}
      {copied && (
        <Alert type="info" header={`Permissions copied from ${copied.userName}`}>
          {plural(copied.groups.length, "group", "groups")}, {plural(copied.attachedPolicies.length, "managed policy", "managed policies")}
          {copied.permissionsBoundary ? " and a permissions boundary" : ""}. Inline policies are not copied.
        </Alert>
      )}
    </SpaceBetween>
  );
}
