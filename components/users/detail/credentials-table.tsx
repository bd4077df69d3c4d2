"use client";

import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import ButtonDropdown from "@cloudscape-design/components/button-dropdown";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import Table, { type TableProps } from "@cloudscape-design/components/table";
import { useState, type ReactNode } from "react";
import { ApiErrorAlert } from "@/components/common/api-error-alert";
import { DeleteModal } from "@/components/common/delete-modal";
import { useNotify } from "@/components/shell/shell-context";
import { useDeleteCredential, useUpdateCredential, type CredentialKind } from "@/lib/queries/user-credentials";

export type CredentialRow = { id: string; status: string };
type Extra<T> = { id: string; text: string; onClick: (row: T) => void };

type Props<T extends CredentialRow> = {
  userName: string;
  kind: CredentialKind;
  /** What one row is, in the console's words: "SSH public key", "X.509 certificate"... */
  noun: string;
  title: string;
  description: ReactNode;
  testId: string;
  items: T[];
  loading?: boolean;
  columns: TableProps.ColumnDefinition<T>[];
  primary: ReactNode;
  extraActions?: Extra<T>[];
  empty: string;
};

export const StatusCell = ({ status }: { status: string }) => (
  <StatusIndicator type={status === "Active" ? "success" : status === "Expired" ? "error" : "stopped"}>{status}</StatusIndicator>
);

/** A user's credentials of one kind: select one, then activate or deactivate it, or delete it (typing its ID). */
export function CredentialsTable<T extends CredentialRow>(p: Props<T>) {
  const notify = useNotify();
  const update = useUpdateCredential(p.userName, p.kind);
  const remove = useDeleteCredential(p.userName, p.kind);
  const [selectedId, setSelectedId] = useState<string>();
  const [deleting, setDeleting] = useState<T>();
  const selected = p.items.find((i) => i.id === selectedId);
  const active = selected?.status === "Active";

  const onAction = (id: string) => {
    if (!selected) return;
    if (id === "delete") return setDeleting(selected);
    if (id === "status") {
      const status = active ? "Inactive" : "Active";
      return update.mutate(
        { id: selected.id, status },
        { onSuccess: () => notify({ type: "success", content: `${p.noun} ${selected.id} ${active ? "deactivated" : "activated"}.` }) },
      );
    }
    p.extraActions?.find((a) => a.id === id)?.onClick(selected);
  };

  return (
    <SpaceBetween size="s">
      {update.error && <ApiErrorAlert error={update.error} />}
      <Table
        data-testid={p.testId}
        items={p.items}
        loading={p.loading}
        trackBy="id"
        selectionType="single"
        selectedItems={selected ? [selected] : []}
        onSelectionChange={(e) => setSelectedId(e.detail.selectedItems[0]?.id)}
        ariaLabels={{ itemSelectionLabel: (_, i) => i.id, selectionGroupLabel: p.title }}
        columnDefinitions={p.columns}
        empty={<Box color="text-body-secondary">{p.empty}</Box>}
        header={
          <Header
            counter={`(${p.items.length})`}
            description={p.description}
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <ButtonDropdown
                  disabled={!selected}
                  loading={update.isPending}
                  ariaLabel={`Actions for ${p.title}`}
                  items={[
                    ...(p.extraActions ?? []).map(({ id, text }) => ({ id, text })),
                    { id: "status", text: active ? "Deactivate" : "Activate" },
                    { id: "delete", text: "Delete" },
                  ]}
                  onItemClick={(e) => onAction(e.detail.id)}
                >
                  Actions
                </ButtonDropdown>
                {p.primary}
              </SpaceBetween>
            }
          >
            {p.title}
          </Header>
        }
      />
      <DeleteModal
        visible={!!deleting}
        title={`Delete ${p.noun}?`}
        confirmText={deleting?.id ?? ""}
        busy={remove.isPending}
        error={remove.error?.message}
        onCancel={() => (setDeleting(undefined), remove.reset())}
        onConfirm={() =>
          remove.mutate(deleting!.id, {
            onSuccess: () => {
              notify({ type: "success", content: `${p.noun} ${deleting!.id} deleted.` });
              setDeleting(undefined);
              setSelectedId(undefined);
            },
          })
        }
      >
        <Box>
          Deleting {p.noun} <b>{deleting?.id}</b> is permanent: anything that uses it can no longer authenticate with it.
        </Box>
      </DeleteModal>
    </SpaceBetween>
  );
}

export const PrimaryButton = (props: { label: string; onClick: () => void; disabledReason?: string; testId: string }) => (
  <Button
    variant="normal"
    disabled={!!props.disabledReason}
    disabledReason={props.disabledReason}
    onClick={props.onClick}
    data-testid={props.testId}
  >
    {props.label}
  </Button>
);
