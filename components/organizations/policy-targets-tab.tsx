"use client";

import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiErrorAlert } from "@/components/common/api-error-alert";
import { usePolicyTargets, type OrgPolicy, type PolicyTargetDto } from "@/lib/queries/organizations-policies";
import { AttachTargetModal } from "./attach-target-modal";
import { DetachPolicyModal } from "./detach-policy-modal";
import { nodeHref, TARGET_TYPE } from "./org-labels";

/** The roots, OUs and accounts a policy is attached to (ListTargetsForPolicy), with attach and detach. */
export function PolicyTargetsTab({ policy }: { policy: OrgPolicy }) {
  const router = useRouter();
  const targets = usePolicyTargets(policy.id);
  const [selectedId, setSelectedId] = useState<string>();
  // The modal keeps the target it was opened for: once detached, it leaves the list while the modal still says so.
  const [modal, setModal] = useState<{ kind: "attach" } | { kind: "detach"; target: PolicyTargetDto }>();
  const items = targets.data ?? [];
  const selected = items.find((t) => t.targetId === selectedId);

  return (
    <>
      <Table<PolicyTargetDto>
        data-testid="policy-targets"
        items={items}
        trackBy="targetId"
        loading={targets.isLoading}
        loadingText="Loading targets"
        selectionType="single"
        selectedItems={selected ? [selected] : []}
        onSelectionChange={(e) => setSelectedId(e.detail.selectedItems[0]?.targetId)}
        ariaLabels={{
          selectionGroupLabel: "Targets",
          itemSelectionLabel: (_s, t) => `Select ${t.name}`,
          allItemsSelectionLabel: () => "Select all",
        }}
        columnDefinitions={[
          {
            id: "name",
            header: "Target name",
            isRowHeader: true,
            cell: (t) => (
              <Link href={nodeHref(t.targetId)} onFollow={(e) => (e.preventDefault(), router.push(nodeHref(t.targetId)))}>
                {t.name}
              </Link>
            ),
          },
          { id: "id", header: "ID", cell: (t) => <Box variant="code">{t.targetId}</Box> },
          { id: "type", header: "Type", cell: (t) => TARGET_TYPE[t.type] ?? t.type },
        ]}
        header={
          <Header
            variant="h2"
            counter={targets.data ? `(${items.length})` : undefined}
            description="The roots, organizational units and AWS accounts the policy is attached to. It applies to everything under them too."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button
                  disabled={!selected}
                  onClick={() => selected && setModal({ kind: "detach", target: selected })}
                  data-testid="detach-target"
                >
                  Detach
                </Button>
                <Button onClick={() => setModal({ kind: "attach" })} data-testid="attach-target-open">
                  Attach
                </Button>
              </SpaceBetween>
            }
          >
            Targets
          </Header>
        }
        empty={targets.error ? <ApiErrorAlert error={targets.error} /> : "The policy isn't attached to anything."}
      />
      {modal?.kind === "attach" && (
        <AttachTargetModal policy={policy} attachedIds={items.map((t) => t.targetId)} onClose={() => setModal(undefined)} />
      )}
      {modal?.kind === "detach" && (
        <DetachPolicyModal
          policy={policy}
          target={{ id: modal.target.targetId, name: modal.target.name }}
          onClose={() => {
            setModal(undefined);
            setSelectedId(undefined);
          }}
        />
      )}
    </>
  );
}
