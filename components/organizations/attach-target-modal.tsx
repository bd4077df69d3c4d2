"use client";

import FormField from "@cloudscape-design/components/form-field";
import Modal from "@cloudscape-design/components/modal";
import Select from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useState } from "react";
import { ApiErrorAlert } from "@/components/common/api-error-alert";
import { ModalFooter } from "@/components/common/modal-footer";
import { useNotify } from "@/components/shell/shell-context";
import { useOrganizationTree } from "@/lib/queries/organizations";
import { useAttachPolicy } from "@/lib/queries/organizations-mutations";
import { ancestors, indexTree } from "./tree-items";

type Props = { policy: { id: string; name: string }; attachedIds: string[]; onClose: () => void };

/** From a policy's Targets tab: AttachPolicy onto a root, OU or account chosen by its path. Mount it only while open. */
export function AttachTargetModal({ policy, attachedIds, onClose }: Props) {
  const notify = useNotify();
  const tree = useOrganizationTree();
  const attach = useAttachPolicy();
  const [targetId, setTargetId] = useState<string>();
  const index = tree.data ? indexTree(tree.data) : undefined;
  const option = (id: string) => {
    const item = index!.byId.get(id)!;
    const path = [...ancestors(index!, id), item].map((i) => i.name).join(" / ");
    return {
      value: id,
      label: path,
      labelTag: id,
      disabled: attachedIds.includes(id),
      description: attachedIds.includes(id) ? "Already attached." : undefined,
    };
  };
  const options = index
    ? [
        { label: "Roots", options: index.roots.map((r) => option(r.id)) },
        { label: "Organizational units", options: tree.data!.units.map((u) => option(u.id)) },
        { label: "AWS accounts", options: tree.data!.accounts.map((a) => option(a.id)) },
      ]
    : [];
  const selected = targetId && index ? option(targetId) : null;

  const submit = () =>
    targetId &&
    attach.mutate(
      { targetId, policyId: policy.id },
      {
        onSuccess: () => {
          notify({ type: "success", content: `Policy ${policy.name} was attached to ${selected?.label}.` });
          onClose();
        },
      },
    );

  return (
    <Modal
      visible
      onDismiss={onClose}
      header={`Attach ${policy.name}`}
      footer={
        <ModalFooter onCancel={onClose} onConfirm={submit} disabled={!targetId} busy={attach.isPending} testId="attach-target-submit">
          Attach policy
        </ModalFooter>
      }
    >
      <SpaceBetween size="l">
        <FormField label="Target" description="The root, organizational unit or AWS account to attach the policy to.">
          <Select
            selectedOption={selected}
            options={options}
            onChange={(e) => setTargetId(e.detail.selectedOption.value)}
            placeholder="Choose a root, OU or account"
            filteringType="auto"
            statusType={tree.isLoading ? "loading" : "finished"}
            loadingText="Loading the organization"
            ariaLabel="Target"
            data-testid="attach-target"
          />
        </FormField>
        {tree.error && <ApiErrorAlert error={tree.error} />}
        {attach.error && <ApiErrorAlert error={attach.error} testId="attach-target-error" />}
      </SpaceBetween>
    </Modal>
  );
}
