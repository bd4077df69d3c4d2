"use client";

import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiErrorAlert } from "@/components/common/api-error-alert";
import { useTargetPolicies, type OrgPolicySummary } from "@/lib/queries/organizations-policies";
import { AttachPolicyModal } from "./attach-policy-modal";
import { DetachPolicyModal } from "./detach-policy-modal";
import { typeHref, type PolicyTypeInfo } from "./org-labels";
import { orgPolicyColumns } from "./org-policy-columns";

type Target = { id: string; name: string };

/**
 * One policy type on a node's Policies tab, as AWS's console shows it: the policies attached directly (attach and
 * detach here), then those inherited from each root and OU above it.
 */
export function TargetPolicyTypeSection({ target, info, enabled }: { target: Target; info: PolicyTypeInfo; enabled: boolean }) {
  const router = useRouter();
  const policies = useTargetPolicies(target.id, info.type);
  const [selected, setSelected] = useState<OrgPolicySummary>();
  // The modal keeps the policy it was opened for: once detached, the policy leaves `attached` while the modal still
  // has to say so.
  const [modal, setModal] = useState<{ kind: "attach" } | { kind: "detach"; policy: OrgPolicySummary }>();
  const columns = orgPolicyColumns((href) => router.push(href));
  const attached = policies.data?.attached ?? [];
  const current = selected && attached.find((p) => p.id === selected.id);

  if (!enabled)
    return (
      <Container header={<Header variant="h2">{info.name}</Header>}>
        <SpaceBetween size="s">
          <Box>{info.name} aren&apos;t enabled on the organization&apos;s root, so none apply here.</Box>
          <Box>
            <Button onClick={() => router.push(typeHref(info.type))}>Go to {info.name.toLowerCase()}</Button>
          </Box>
        </SpaceBetween>
      </Container>
    );

  return (
    <SpaceBetween size="m">
      <Header variant="h2" description={info.description}>
        {info.name}
      </Header>
      {policies.error && <ApiErrorAlert error={policies.error} />}
      <Table
        data-testid={`attached-${info.slug}`}
        items={attached}
        trackBy="id"
        columnDefinitions={columns}
        loading={policies.isLoading}
        loadingText="Loading policies"
        selectionType="single"
        selectedItems={current ? [current] : []}
        onSelectionChange={(e) => setSelected(e.detail.selectedItems[0])}
        ariaLabels={{
          selectionGroupLabel: `${info.name} attached directly`,
          itemSelectionLabel: (_s, p) => `Select ${p.name}`,
          allItemsSelectionLabel: () => "Select all",
        }}
        header={
          <Header
            variant="h3"
            counter={`(${attached.length})`}
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button
                  disabled={!current}
                  onClick={() => current && setModal({ kind: "detach", policy: current })}
                  data-testid={`detach-${info.slug}`}
                >
                  Detach
                </Button>
                <Button onClick={() => setModal({ kind: "attach" })} data-testid={`attach-${info.slug}`}>
                  Attach
                </Button>
              </SpaceBetween>
            }
          >
            Attached directly
          </Header>
        }
        empty={`No ${info.name.toLowerCase()} are attached directly.`}
      />
      {(policies.data?.inherited ?? []).map((level) => (
        <Table
          key={level.from.id}
          data-testid={`inherited-${info.slug}-${level.from.id}`}
          items={level.policies}
          trackBy="id"
          columnDefinitions={columns}
          header={
            <Header variant="h3" counter={`(${level.policies.length})`} description={level.from.id}>
              Inherited from {level.from.type === "ROOT" ? "Root" : `organizational unit ${level.from.name}`}
            </Header>
          }
          empty="None."
        />
      ))}
      {modal?.kind === "attach" && (
        <AttachPolicyModal target={target} info={info} attachedIds={attached.map((p) => p.id)} onClose={() => setModal(undefined)} />
      )}
      {modal?.kind === "detach" && (
        <DetachPolicyModal
          policy={modal.policy}
          target={target}
          onClose={() => {
            setModal(undefined);
            setSelected(undefined);
          }}
        />
      )}
    </SpaceBetween>
  );
}
