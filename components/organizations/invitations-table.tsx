"use client";

import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import StatusIndicator, { type StatusIndicatorProps } from "@cloudscape-design/components/status-indicator";
import Table from "@cloudscape-design/components/table";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiErrorAlert } from "@/components/common/api-error-alert";
import { ConfirmModal } from "@/components/common/confirm-modal";
import { useNotify } from "@/components/shell/shell-context";
import { dateTime } from "@/lib/format/time";
import { useHandshakes, type HandshakeDto } from "@/lib/queries/organizations";
import { useCancelHandshake } from "@/lib/queries/organizations-mutations";
import { useOrgBreadcrumbs } from "./use-org-breadcrumbs";

const STATE: Record<string, { text: string; type: StatusIndicatorProps.Type }> = {
  REQUESTED: { text: "Requested", type: "pending" },
  OPEN: { text: "Open", type: "pending" },
  ACCEPTED: { text: "Accepted", type: "success" },
  DECLINED: { text: "Declined", type: "stopped" },
  CANCELED: { text: "Canceled", type: "stopped" },
  EXPIRED: { text: "Expired", type: "stopped" },
};
const ACTION: Record<string, string> = {
  INVITE: "Invitation to join",
  ENABLE_ALL_FEATURES: "Enable all features",
  APPROVE_ALL_FEATURES: "Approve all features",
};

const invitee = (h: HandshakeDto) => h.parties.find((p) => p.type !== "ORGANIZATION")?.id ?? "-";

/** "Invitations": the organization's handshakes (ListHandshakesForOrganization); open ones can be canceled. */
export function InvitationsTable() {
  useOrgBreadcrumbs([{ text: "Invitations", href: "/organizations/invitations" }]);
  const router = useRouter();
  const notify = useNotify();
  const handshakes = useHandshakes();
  const cancel = useCancelHandshake();
  const [selectedId, setSelectedId] = useState<string>();
  const [confirming, setConfirming] = useState<HandshakeDto>();
  const items = handshakes.data ?? [];
  const selected = items.find((h) => h.id === selectedId);

  const doCancel = (h: HandshakeDto) =>
    cancel.mutate(h.id, {
      onSuccess: () => {
        setConfirming(undefined);
        notify({ type: "success", content: `Invitation ${h.id} to ${invitee(h)} was canceled.` });
      },
    });

  return (
    <>
      <Table<HandshakeDto>
        variant="full-page"
        items={items}
        trackBy="id"
        loading={handshakes.isLoading}
        loadingText="Loading invitations"
        selectionType="single"
        selectedItems={selected ? [selected] : []}
        onSelectionChange={(e) => setSelectedId(e.detail.selectedItems[0]?.id)}
        ariaLabels={{
          selectionGroupLabel: "Invitations",
          itemSelectionLabel: (_s, h) => `Select invitation ${h.id}`,
          allItemsSelectionLabel: () => "Select all",
        }}
        columnDefinitions={[
          { id: "invitee", header: "Account ID or email", isRowHeader: true, cell: invitee },
          { id: "action", header: "Request", cell: (h) => ACTION[h.action] ?? h.action },
          {
            id: "state",
            header: "State",
            cell: (h) => <StatusIndicator type={STATE[h.state]?.type ?? "info"}>{STATE[h.state]?.text ?? h.state}</StatusIndicator>,
          },
          { id: "requested", header: "Requested", cell: (h) => dateTime(h.requestedTimestamp) },
          { id: "expires", header: "Expires", cell: (h) => dateTime(h.expirationTimestamp) },
          { id: "id", header: "Handshake ID", cell: (h) => <Box variant="code">{h.id}</Box> },
        ]}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={handshakes.data ? `(${items.length})` : undefined}
            description="Invitations the organization has sent. An open invitation waits for the account's owner to accept or decline it."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button
                  iconName="refresh"
                  ariaLabel="Refresh"
                  loading={handshakes.isFetching && !handshakes.isLoading}
                  onClick={() => void handshakes.refetch()}
                />
                <Button
                  disabled={selected?.state !== "OPEN"}
                  onClick={() => (cancel.reset(), setConfirming(selected))}
                  data-testid="cancel-invitation"
                >
                  Cancel invitation
                </Button>
                <Button variant="primary" onClick={() => router.push("/organizations/accounts/add?mode=invite")}>
                  Invite AWS account
                </Button>
              </SpaceBetween>
            }
          >
            Invitations
          </Header>
        }
        empty={handshakes.error ? <ApiErrorAlert error={handshakes.error} /> : "The organization hasn't sent any invitations."}
      />
      {confirming && (
        <ConfirmModal
          visible
          title="Cancel invitation?"
          action="Cancel invitation"
          busy={cancel.isPending}
          error={cancel.error}
          testId="cancel-invitation-confirm"
          onCancel={() => setConfirming(undefined)}
          onConfirm={() => doCancel(confirming)}
        >
          <Box>The invitation to {invitee(confirming)} can no longer be accepted.</Box>
        </ConfirmModal>
      )}
    </>
  );
}
