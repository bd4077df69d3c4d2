"use client";

import Box from "@cloudscape-design/components/box";
import Modal from "@cloudscape-design/components/modal";
import ProgressBar from "@cloudscape-design/components/progress-bar";
import SegmentedControl from "@cloudscape-design/components/segmented-control";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useState } from "react";
import { ModalFooter } from "@/components/common/modal-footer";
import { useNotify } from "@/components/shell/shell-context";
import { attachPolicy, useInvalidatePolicies, type PolicyEntityRef } from "@/lib/queries/policy-mutations";
import type { PolicyEntityType } from "@/lib/schemas/policies";
import { EntityChoiceTable } from "./entity-choice-table";
import { EntityFailures } from "./entity-failures";
import { runEach, type EntityFailure } from "./run-each";

/** "Attach": choose users, user groups and roles, then attach the policy to each (progress, failures verbatim). */
export function AttachEntitiesModal({ policy, onClose }: { policy: { arn: string; policyName: string }; onClose: () => void }) {
  const notify = useNotify();
  const invalidate = useInvalidatePolicies();
  const [type, setType] = useState<PolicyEntityType>("User");
  const [selected, setSelected] = useState<PolicyEntityRef[]>([]);
  const [done, setDone] = useState<number>();
  const [failures, setFailures] = useState<EntityFailure[]>([]);

  const attach = async () => {
    setFailures([]);
    setDone(0);
    const failed = await runEach(selected, (e) => attachPolicy(policy.arn, e), setDone);
    await invalidate();
    setDone(undefined);
    const attached = selected.length - failed.length;
    if (attached)
      notify({
        type: "success",
        content: `Policy ${policy.policyName} attached to ${attached} ${attached === 1 ? "entity" : "entities"}.`,
      });
    if (failed.length) {
      setFailures(failed);
      setSelected(failed.map(({ entityType, entityName }) => ({ entityType, entityName })));
    } else onClose();
  };

  return (
    <Modal
      visible
      size="large"
      onDismiss={onClose}
      header={`Attach ${policy.policyName}`}
      footer={
        <ModalFooter
          onCancel={onClose}
          onConfirm={() => void attach()}
          disabled={!selected.length}
          busy={done !== undefined}
          testId="attach-policy-confirm"
        >
          Attach policy
        </ModalFooter>
      }
    >
      <SpaceBetween size="m">
        <Box>Choose the users, user groups and roles to attach this policy to ({selected.length} selected).</Box>
        <SegmentedControl
          selectedId={type}
          onChange={(e) => setType(e.detail.selectedId as PolicyEntityType)}
          label="Entity type"
          options={[
            { id: "User", text: "Users" },
            { id: "Group", text: "User groups" },
            { id: "Role", text: "Roles" },
          ]}
        />
        <EntityChoiceTable key={type} type={type} selected={selected} onChange={setSelected} />
        {done !== undefined && (
          <ProgressBar
            value={Math.round((done / selected.length) * 100)}
            label="Attaching"
            additionalInfo={`${done} of ${selected.length}`}
          />
        )}
        <EntityFailures header="The policy could not be attached to some entities" failures={failures} />
      </SpaceBetween>
    </Modal>
  );
}
