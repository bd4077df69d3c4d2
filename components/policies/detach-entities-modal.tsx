"use client";

import Box from "@cloudscape-design/components/box";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useState } from "react";
import { ModalFooter } from "@/components/common/modal-footer";
import { useNotify } from "@/components/shell/shell-context";
import type { PolicyEntity } from "@/lib/queries/policies";
import { detachPolicy, useInvalidatePolicies } from "@/lib/queries/policy-mutations";
import { EntityFailures } from "./entity-failures";
import { entityTypeLabel, runEach, type EntityFailure } from "./run-each";

/** Confirms detaching the policy (or removing it as the boundary) from the chosen entities. */
export function DetachEntitiesModal(props: {
  policy: { arn: string; policyName: string };
  entities: PolicyEntity[];
  onClose: (detached: boolean) => void;
}) {
  const { policy, entities } = props;
  const notify = useNotify();
  const invalidate = useInvalidatePolicies();
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState<EntityFailure[]>([]);

  const detach = async () => {
    setBusy(true);
    const failed = await runEach(entities, (e) => detachPolicy(policy.arn, e));
    await invalidate();
    setBusy(false);
    const ok = entities.length - failed.length;
    if (ok) notify({ type: "success", content: `Policy ${policy.policyName} detached from ${ok} ${ok === 1 ? "entity" : "entities"}.` });
    if (failed.length) setFailures(failed);
    else props.onClose(true);
  };

  return (
    <Modal
      visible
      onDismiss={() => props.onClose(false)}
      header={`Detach ${policy.policyName}?`}
      footer={
        <ModalFooter onCancel={() => props.onClose(false)} onConfirm={() => void detach()} busy={busy} testId="detach-policy-confirm">
          Detach
        </ModalFooter>
      }
    >
      <SpaceBetween size="m">
        <Box>These entities lose the permissions this policy grants (or, for a permissions boundary, the limit it sets):</Box>
        <ul style={{ margin: 0 }}>
          {entities.map((e) => (
            <li key={`${e.entityType}:${e.entityName}:${e.attachedAs}`}>
              {entityTypeLabel(e.entityType)} <b>{e.entityName}</b>
              {e.attachedAs === "PermissionsBoundary" ? " (permissions boundary)" : ""}
            </li>
          ))}
        </ul>
        <EntityFailures header="The policy could not be detached from some entities" failures={failures} />
      </SpaceBetween>
    </Modal>
  );
}
