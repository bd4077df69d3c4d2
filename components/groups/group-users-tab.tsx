"use client";

import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import SpaceBetween from "@cloudscape-design/components/space-between";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import Table from "@cloudscape-design/components/table";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmModal } from "@/components/common/confirm-modal";
import { MarkerPagination } from "@/components/common/marker-pagination";
import { SearchFilter } from "@/components/common/search-filter";
import { useMarkerSearch } from "@/components/common/use-marker-search";
import { useNotify } from "@/components/shell/shell-context";
import { useGroupUsers, useRemoveUsersFromGroup } from "@/lib/queries/groups";
import type { UserSummary } from "@/lib/server/services/users";
import { ago } from "@/lib/format/time";
import { AddGroupUsersModal } from "./add-group-users-modal";
import { userHref } from "@/components/users/detail/user-href";

/** The group's members (server-side filter and paging), with Add users and Remove. */
export function GroupUsersTab({ groupName }: { groupName: string }) {
  const router = useRouter();
  const notify = useNotify();
  const search = useMarkerSearch();
  const { filter, pages } = search;
  const query = useGroupUsers(groupName, { ...search.params, pageSize: 25 });
  const remove = useRemoveUsersFromGroup(groupName);
  const [selected, setSelected] = useState<UserSummary[]>([]);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState(false);
  const items = query.data?.items ?? [];
  const names = selected.map((u) => u.userName);

  const confirmRemove = () =>
    remove.mutate(names, {
      onSuccess: () => {
        notify({ type: "success", header: `Removed ${names.length === 1 ? names[0] : `${names.length} users`} from ${groupName}.` });
        setSelected([]);
        setRemoving(false);
      },
    });

  return (
    <>
      <Table
        items={items}
        trackBy="userName"
        selectionType="multi"
        selectedItems={selected}
        onSelectionChange={(e) => setSelected(e.detail.selectedItems)}
        ariaLabels={{
          selectionGroupLabel: "Member selection",
          itemSelectionLabel: (_, u) => `Select member ${u.userName}`,
          allItemsSelectionLabel: () => "Select all members",
        }}
        loading={query.isLoading}
        loadingText="Loading users"
        columnDefinitions={[
          {
            id: "userName",
            header: "User name",
            cell: (u) => (
              <Link href={userHref(u.userName)} onFollow={(e) => (e.preventDefault(), router.push(userHref(u.userName)))}>
                {u.userName}
              </Link>
            ),
          },
          { id: "path", header: "Path", cell: (u) => u.path },
          { id: "lastActivity", header: "Last activity", cell: (u) => ago(u.passwordLastUsed) },
          { id: "created", header: "Creation time", cell: (u) => ago(u.createDate) },
        ]}
        header={
          <Header
            counter={`(${items.length}${pages.hasMore(query.data?.nextToken) ? "+" : ""})`}
            description="An IAM user is an entity that you create in AWS to represent the person or application that uses it to interact with AWS."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button disabled={!selected.length} onClick={() => (remove.reset(), setRemoving(true))}>
                  Remove
                </Button>
                <Button variant="primary" onClick={() => setAdding(true)}>
                  Add users
                </Button>
              </SpaceBetween>
            }
          >
            Users in this group
          </Header>
        }
        filter={
          <SearchFilter
            value={search.text}
            onChange={search.setText}
            placeholder="Search users by name or ARN"
            ariaLabel="Filter users in this group"
          />
        }
        pagination={<MarkerPagination pages={pages} nextToken={query.data?.nextToken} />}
        empty={
          query.error ? (
            <StatusIndicator type="error">{query.error.message}</StatusIndicator>
          ) : (
            <Box textAlign="center" color="inherit">
              <SpaceBetween size="xs">
                <b>{filter ? "No users match the filter." : "No users in this group"}</b>
                {!filter && <Button onClick={() => setAdding(true)}>Add users</Button>}
              </SpaceBetween>
            </Box>
          )
        }
      />
      {adding && <AddGroupUsersModal groupName={groupName} onClose={() => setAdding(false)} />}
      <ConfirmModal
        visible={removing}
        title={names.length === 1 ? `Remove ${names[0]}?` : `Remove ${names.length} users?`}
        action="Remove users"
        busy={remove.isPending}
        error={remove.error}
        onCancel={() => setRemoving(false)}
        onConfirm={confirmRemove}
      >
        <Box>
          The selected users are removed from <strong>{groupName}</strong> and lose the permissions the group grants them. The users
          themselves are not deleted.
        </Box>
      </ConfirmModal>
    </>
  );
}
