"use client";

import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import Table, { type TableProps } from "@cloudscape-design/components/table";
import { useState } from "react";
import { ConfirmModal } from "@/components/common/confirm-modal";
import { headerCounter } from "@/components/common/list-counts";
import { ListPagination } from "@/components/common/list-pagination";
import { SearchFilter } from "@/components/common/search-filter";
import { TablePreferences } from "@/components/common/table-preferences";
import { useListCollection } from "@/components/common/use-list-collection";
import { useNotify } from "@/components/shell/shell-context";
import { useGroupUsers, useRemoveUsersFromGroup } from "@/lib/queries/groups";
import type { UserSummary } from "@/lib/server/services/users";
import { ago } from "@/lib/format/time";
import { AddGroupUsersModal } from "./add-group-users-modal";
import { userNameColumn } from "@/components/users/user-link";

/** The group's members, the whole list searched by name or ARN, sorted and paged in the browser; Add users and Remove. */
export function GroupUsersTab({ groupName }: { groupName: string }) {
  const notify = useNotify();
  const query = useGroupUsers(groupName);
  const list = useListCollection(query.data, { searchText: (u) => [u.userName, u.arn], sortingField: "userName", trackBy: "userName" });
  const { items, collectionProps } = list;
  const remove = useRemoveUsersFromGroup(groupName);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState(false);
  const selected = collectionProps.selectedItems ?? [];
  const names = selected.map((u) => u.userName);

  const confirmRemove = () =>
    remove.mutate(names, {
      onSuccess: () => {
        notify({ type: "success", header: `Removed ${names.length === 1 ? names[0] : `${names.length} users`} from ${groupName}.` });
        list.actions.setSelectedItems([]);
        setRemoving(false);
      },
    });

  const columns: TableProps.ColumnDefinition<UserSummary>[] = [
    userNameColumn,
    { id: "path", header: "Path", sortingField: "path", cell: (u) => u.path },
    { id: "lastActivity", header: "Last activity", sortingField: "passwordLastUsed", cell: (u) => ago(u.passwordLastUsed) },
    { id: "created", header: "Creation time", sortingField: "createDate", cell: (u) => ago(u.createDate) },
  ];

  return (
    <>
      <Table
        {...collectionProps}
        data-testid="group-users-table"
        items={items}
        columnDefinitions={columns}
        selectionType="multi"
        ariaLabels={{
          selectionGroupLabel: "Member selection",
          itemSelectionLabel: (_, u) => `Select member ${u.userName}`,
          allItemsSelectionLabel: () => "Select all members",
        }}
        loading={query.isLoading}
        loadingText="Loading users"
        header={
          <Header
            counter={headerCounter(query.data?.length, selected.length)}
            description="An IAM user is an entity that you create in AWS to represent the person or application that uses it to interact with AWS."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button
                  iconName="refresh"
                  ariaLabel="Refresh users"
                  loading={query.isFetching && !query.isLoading}
                  onClick={() => void query.refetch()}
                />
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
            value={list.filterProps.filteringText}
            onChange={list.actions.setFiltering}
            countText={list.countText}
            placeholder="Search users by name or ARN"
            ariaLabel="Filter users in this group"
          />
        }
        pagination={<ListPagination {...list.paginationProps} />}
        preferences={<TablePreferences pageSize={list.pageSize} onPageSizeChange={list.setPageSize} noun="users" />}
        empty={
          query.error ? (
            <StatusIndicator type="error">{query.error.message}</StatusIndicator>
          ) : (
            <Box textAlign="center" color="inherit">
              <SpaceBetween size="xs">
                <b>{list.filtered ? "No users match the filter." : "No users in this group"}</b>
                {!list.filtered && <Button onClick={() => setAdding(true)}>Add users</Button>}
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
