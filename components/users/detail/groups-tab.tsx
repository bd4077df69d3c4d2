"use client";

import Alert from "@cloudscape-design/components/alert";
import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ModalFooter } from "@/components/common/modal-footer";
import { useNotify } from "@/components/shell/shell-context";
import { useAddUserToGroups, useRemoveUserFromGroup, useUserGroups, type UserGroupMembership } from "@/lib/queries/user-detail";
import { dateTime } from "@/lib/format/time";
import { groupHref } from "@/components/groups/group-href";
import { GroupsPicker } from "./groups-picker";

const codeOf = (e: unknown) => (e as { code?: string }).code ?? "Error";

/** The user's group memberships: AddUserToGroup and RemoveUserFromGroup. */
export function GroupsTab({ userName }: { userName: string }) {
  const router = useRouter();
  const notify = useNotify();
  const query = useUserGroups(userName);
  const add = useAddUserToGroups(userName);
  const remove = useRemoveUserFromGroup(userName);
  const [selected, setSelected] = useState<UserGroupMembership[]>([]);
  const [adding, setAdding] = useState(false);
  const [choice, setChoice] = useState<string[]>([]);
  const [removeError, setRemoveError] = useState<string>();
  const groups = query.data ?? [];

  const removeSelected = async () => {
    setRemoveError(undefined);
    for (const g of selected) {
      try {
        await remove.mutateAsync(g.groupName);
      } catch (err) {
        return setRemoveError(`${g.groupName}: ${codeOf(err)}: ${(err as Error).message}`);
      }
    }
    notify({ type: "success", content: `${userName} removed from ${selected.map((g) => g.groupName).join(", ")}.` });
    setSelected([]);
  };

  return (
    <SpaceBetween size="m">
      {removeError && (
        <Alert type="error" header="Couldn't remove the user from a group">
          {removeError}
        </Alert>
      )}
      <Table
        items={groups}
        trackBy="groupName"
        selectionType="multi"
        ariaLabels={{
          itemSelectionLabel: (_, g) => g.groupName,
          allItemsSelectionLabel: () => "Select all groups",
          selectionGroupLabel: "Groups",
        }}
        selectedItems={selected}
        onSelectionChange={(e) => setSelected(e.detail.selectedItems)}
        loading={query.isLoading}
        loadingText="Loading groups"
        data-testid="user-groups"
        columnDefinitions={[
          {
            id: "name",
            header: "Group name",
            cell: (g) => (
              <Link href={groupHref(g.groupName)} onFollow={(e) => (e.preventDefault(), router.push(groupHref(g.groupName)))}>
                {g.groupName}
              </Link>
            ),
          },
          { id: "policies", header: "Attached policies", cell: (g) => g.attachedPolicies.join(", ") || "-" },
          { id: "created", header: "Created", cell: (g) => dateTime(g.createDate) },
        ]}
        header={
          <Header
            counter={`(${groups.length})`}
            description="A user group is a collection of IAM users. Users in a group get the group's permissions."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button
                  disabled={!selected.length}
                  loading={remove.isPending}
                  onClick={() => void removeSelected()}
                  data-testid="remove-from-groups"
                >
                  Remove
                </Button>
                <Button variant="primary" onClick={() => (add.reset(), setChoice([]), setAdding(true))} data-testid="add-to-groups-open">
                  Add user to groups
                </Button>
              </SpaceBetween>
            }
          >
            User groups membership
          </Header>
        }
        empty={query.error ? query.error.message : "This user isn't in any group."}
      />
      <Modal
        visible={adding}
        size="large"
        onDismiss={() => setAdding(false)}
        header={`Add ${userName} to groups`}
        footer={
          <ModalFooter
            onCancel={() => setAdding(false)}
            onConfirm={() =>
              add.mutate(choice, {
                onSuccess: () => (notify({ type: "success", content: `${userName} added to ${choice.join(", ")}.` }), setAdding(false)),
              })
            }
            disabled={!choice.length}
            busy={add.isPending}
            testId="add-to-groups"
          >
            Add to groups
          </ModalFooter>
        }
      >
        <SpaceBetween size="m">
          {add.error && (
            <Alert type="error" header={codeOf(add.error)}>
              {add.error.message}
            </Alert>
          )}
          {adding && <GroupsPicker selected={choice} onChange={setChoice} memberOf={groups.map((g) => g.groupName)} />}
        </SpaceBetween>
      </Modal>
    </SpaceBetween>
  );
}
