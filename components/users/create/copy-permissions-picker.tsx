"use client";

import Alert from "@cloudscape-design/components/alert";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import { MarkerPagination } from "@/components/common/marker-pagination";
import { SearchFilter } from "@/components/common/search-filter";
import { useMarkerSearch } from "@/components/common/use-marker-search";
import { useUserActivity, useUsers } from "@/lib/queries/users";
import type { PermissionsToCopy } from "@/lib/queries/users-create";
import { ago } from "@/lib/format/time";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

type Props = { selected?: string; onChange: (userName: string) => void; copied?: PermissionsToCopy; error?: Error | null };

/** "Copy permissions from user": one user whose groups, attached managed policies and boundary the new user gets. */
export function CopyPermissionsPicker({ selected, onChange, copied, error }: Props) {
  const search = useMarkerSearch();
  const query = useUsers({ ...search.params, pageSize: 10 });
  const items = query.data?.items ?? [];
  const activity = useUserActivity(items.map((u) => u.userName));
  const groupsOf = (name: string) => activity.data?.find((a) => a.userName === name)?.groups;

  return (
    <SpaceBetween size="m">
      <Table
        items={items}
        trackBy="userName"
        selectionType="single"
        selectedItems={items.filter((u) => u.userName === selected)}
        onSelectionChange={(e) => e.detail.selectedItems[0] && onChange(e.detail.selectedItems[0].userName)}
        ariaLabels={{ itemSelectionLabel: (_, u) => u.userName, selectionGroupLabel: "Users" }}
        loading={query.isLoading}
        loadingText="Loading users"
        columnDefinitions={[
          { id: "name", header: "User name", cell: (u) => u.userName },
          { id: "groups", header: "Groups", cell: (u) => groupsOf(u.userName)?.join(", ") || (groupsOf(u.userName) ? "None" : "…") },
          { id: "created", header: "Created", cell: (u) => ago(u.createDate) },
        ]}
        header={
          <Header description="Choose a user to copy its group memberships, attached managed policies and permissions boundary.">
            Copy permissions from user
          </Header>
        }
        filter={<SearchFilter value={search.text} onChange={search.setText} placeholder="Search users" ariaLabel="Filter users" />}
        pagination={<MarkerPagination pages={search.pages} nextToken={query.data?.nextToken} />}
        empty={query.error ? query.error.message : "No users to copy from."}
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
