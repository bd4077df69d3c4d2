"use client";

import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import dynamic from "next/dynamic";
import { useState } from "react";
import { ApiErrorAlert } from "@/components/common/api-error-alert";
import { DeleteModal } from "@/components/common/delete-modal";
import { useBreadcrumbs, useNotify } from "@/components/shell/shell-context";
import { useAccessChecks, useDeleteAccessCheck, type AccessCheck } from "@/lib/queries/access-checks";
import { ago } from "@/lib/format/time";

// The add form (and its validation) loads after the page.
const AddAccessCheckModal = dynamic(() => import("./add-access-check-modal").then((m) => m.AddAccessCheckModal), { ssr: false });

const list = (values: string[]) => (values.length ? values.join(", ") : "All resources");

/**
 * "Must never be granted" checks (Access Analyzer's CheckAccessNotGranted, kept by Clef): every policy saved in the
 * console, managed, inline, trust policy, SCP or RCP, is refused while it allows any of a check's actions.
 */
export function AccessChecksTable() {
  useBreadcrumbs([{ text: "Access checks", href: "/access-checks" }]);
  const notify = useNotify();
  const query = useAccessChecks();
  const remove = useDeleteAccessCheck();
  const [adding, setAdding] = useState(false);
  const [selected, setSelected] = useState<AccessCheck[]>([]);
  const [deleting, setDeleting] = useState(false);
  const items = query.data ?? [];
  const target = selected[0];

  return (
    <SpaceBetween size="m">
      {query.error && <ApiErrorAlert error={query.error} />}
      <Table
        items={items}
        loading={query.isLoading}
        loadingText="Loading access checks"
        trackBy="id"
        variant="full-page"
        selectionType="single"
        selectedItems={selected}
        onSelectionChange={(e) => setSelected(e.detail.selectedItems)}
        ariaLabels={{ selectionGroupLabel: "Access checks", itemSelectionLabel: (_, c) => c.name, allItemsSelectionLabel: () => "All" }}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={query.data ? `(${items.length})` : undefined}
            description="Access that no policy saved in this console may grant. Each managed or inline policy, trust policy, SCP and RCP is checked when it is saved, and refused while it allows any of a check's actions."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button disabled={!target} onClick={() => setDeleting(true)} data-testid="delete-access-check">
                  Delete
                </Button>
                <Button variant="primary" onClick={() => setAdding(true)} data-testid="add-access-check">
                  Add check
                </Button>
              </SpaceBetween>
            }
          >
            Must never be granted
          </Header>
        }
        columnDefinitions={[
          { id: "name", header: "Name", cell: (c) => c.name },
          { id: "actions", header: "Actions", cell: (c) => list(c.actions) },
          { id: "resources", header: "Resources", cell: (c) => list(c.resources) },
          { id: "created", header: "Created", cell: (c) => ago(c.createdAt) },
        ]}
        empty={
          <Box textAlign="center" color="inherit">
            <b>No access checks</b>
            <Box variant="p" color="inherit">
              Add a check to keep an action, such as iam:CreateUser, out of every policy saved here.
            </Box>
          </Box>
        }
      />
      <AddAccessCheckModal visible={adding} onClose={() => setAdding(false)} />
      <DeleteModal
        visible={deleting}
        title="Delete access check?"
        confirmText={target?.name ?? ""}
        busy={remove.isPending}
        error={remove.error ? remove.error.message : undefined}
        onCancel={() => (setDeleting(false), remove.reset())}
        onConfirm={() =>
          target &&
          remove.mutate(target.id, {
            onSuccess: () => {
              notify({ type: "success", content: `Access check ${target.name} deleted.` });
              setDeleting(false);
              setSelected([]);
            },
          })
        }
      >
        Policies saved after this are no longer checked against <b>{target?.name}</b>.
      </DeleteModal>
    </SpaceBetween>
  );
}
