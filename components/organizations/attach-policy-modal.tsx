"use client";

import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import TextFilter from "@cloudscape-design/components/text-filter";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiErrorAlert } from "@/components/common/api-error-alert";
import { ModalFooter } from "@/components/common/modal-footer";
import { useNotify } from "@/components/shell/shell-context";
import { useOrgPolicies, type OrgPolicySummary } from "@/lib/queries/organizations-policies";
import { useAttachPolicy } from "@/lib/queries/organizations-mutations";
import { orgPolicyColumns } from "./org-policy-columns";
import type { PolicyTypeInfo } from "./org-labels";

type Props = { target: { id: string; name: string }; info: PolicyTypeInfo; attachedIds: string[]; onClose: () => void };

/** AttachPolicy: one policy of the type onto a root, OU or account; AWS's refusal (limits, duplicates) shows here. */
export function AttachPolicyModal({ target, info, attachedIds, onClose }: Props) {
  const router = useRouter();
  const notify = useNotify();
  const policies = useOrgPolicies(info.type);
  const attach = useAttachPolicy();
  const [filter, setFilter] = useState("");
  const [selected, setSelected] = useState<OrgPolicySummary>();
  const needle = filter.trim().toLowerCase();
  const items = (policies.data ?? []).filter((p) => !needle || `${p.name} ${p.description}`.toLowerCase().includes(needle));

  const submit = () =>
    selected &&
    attach.mutate(
      { targetId: target.id, policyId: selected.id },
      {
        onSuccess: () => {
          notify({ type: "success", content: `Policy ${selected.name} was attached to ${target.name}.` });
          onClose();
        },
      },
    );

  return (
    <Modal
      visible
      size="large"
      onDismiss={onClose}
      header={`Attach a ${info.singular} to ${target.name}`}
      footer={
        <ModalFooter onCancel={onClose} onConfirm={submit} disabled={!selected} busy={attach.isPending} testId="attach-policy-submit">
          Attach policy
        </ModalFooter>
      }
    >
      <SpaceBetween size="m">
        <Table
          variant="embedded"
          items={items}
          trackBy="id"
          columnDefinitions={orgPolicyColumns((href) => router.push(href))}
          loading={policies.isLoading}
          loadingText="Loading policies"
          selectionType="single"
          selectedItems={selected ? [selected] : []}
          onSelectionChange={(e) => setSelected(e.detail.selectedItems[0])}
          isItemDisabled={(p) => attachedIds.includes(p.id)}
          ariaLabels={{
            selectionGroupLabel: "Policies",
            itemSelectionLabel: (_s, p) => `Select ${p.name}${attachedIds.includes(p.id) ? " (already attached)" : ""}`,
            allItemsSelectionLabel: () => "Select all",
          }}
          filter={
            <TextFilter
              filteringText={filter}
              filteringPlaceholder="Find policies"
              filteringAriaLabel="Find policies"
              onChange={(e) => setFilter(e.detail.filteringText)}
            />
          }
          empty={policies.error ? <ApiErrorAlert error={policies.error} /> : "No policies."}
        />
        {attach.error && <ApiErrorAlert error={attach.error} testId="attach-policy-error" />}
      </SpaceBetween>
    </Modal>
  );
}
