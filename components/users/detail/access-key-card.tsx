"use client";

import ButtonDropdown from "@cloudscape-design/components/button-dropdown";
import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import KeyValuePairs from "@cloudscape-design/components/key-value-pairs";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import type { AccessKeySummary } from "@/lib/queries/user-detail";
import { ago, dateTime } from "@/lib/format/time";
import { daysAgo } from "./user-href";

type Props = { accessKey: AccessKeySummary; busy: boolean; onStatus: (s: "Active" | "Inactive") => void; onDelete: () => void };

/** One access key as the console lays it out: its ID as the title, Actions, and when and where it was last used. */
export function AccessKeyCard({ accessKey: k, busy, onStatus, onDelete }: Props) {
  const active = k.status === "Active";
  return (
    <Container
      data-testid={`access-key-${k.accessKeyId}`}
      header={
        <Header
          variant="h3"
          actions={
            <ButtonDropdown
              loading={busy}
              ariaLabel={`Actions for ${k.accessKeyId}`}
              items={[
                { id: "status", text: active ? "Deactivate" : "Activate" },
                { id: "delete", text: "Delete" },
              ]}
              onItemClick={(e) => (e.detail.id === "delete" ? onDelete() : onStatus(active ? "Inactive" : "Active"))}
            >
              Actions
            </ButtonDropdown>
          }
        >
          {k.accessKeyId}
        </Header>
      }
    >
      <KeyValuePairs
        columns={3}
        items={[
          { label: "Description", value: k.description ?? "-" },
          { label: "Status", value: <StatusIndicator type={active ? "success" : "stopped"}>{k.status}</StatusIndicator> },
          { label: "Last used", value: k.lastUsedDate ? ago(k.lastUsedDate) : "Never" },
          { label: "Created", value: `${dateTime(k.createDate)} (${daysAgo(k.createDate)})` },
          { label: "Last used region", value: k.lastUsedRegion ?? "N/A" },
          { label: "Last used service", value: k.lastUsedService ?? "N/A" },
        ]}
      />
    </Container>
  );
}
