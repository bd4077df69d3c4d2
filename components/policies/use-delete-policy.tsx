"use client";

import ProgressBar from "@cloudscape-design/components/progress-bar";
import { useNotify } from "@/components/shell/shell-context";
import { fetchPolicyEntities, fetchPolicyVersions, type PolicyEntity } from "@/lib/queries/policies";
import { deletePolicy, deletePolicyVersion, detachPolicy, useInvalidatePolicies } from "@/lib/queries/policy-mutations";

type Step = { label: string; run: () => Promise<unknown> };
type Failure = { label: string; code: string; message: string };

const errorOf = (err: unknown) => {
  const e = err as { code?: string; message?: string };
  return { code: e.code ?? "Error", message: e.message ?? "The request failed." };
};

const entityLabel = (e: PolicyEntity) =>
  e.attachedAs === "PermissionsBoundary"
    ? `Remove permissions boundary from ${e.entityType.toLowerCase()} ${e.entityName}`
    : `Detach from ${e.entityType === "Group" ? "user group" : e.entityType.toLowerCase()} ${e.entityName}`;

/**
 * Deletes a customer managed policy as the AWS console does: detaches it from every user, group and role (and removes
 * it as a permissions boundary), deletes its non-default versions, then deletes it. Progress in the Flashbar; each
 * failure is reported in AWS's words and the policy itself is kept. Resolves true when the policy is gone.
 */
export function useDeletePolicy() {
  const notify = useNotify();
  const invalidate = useInvalidatePolicies();
  return async (policy: { arn: string; policyName: string }): Promise<boolean> => {
    const { arn, policyName } = policy;
    const id = `delete-policy-${arn}`;
    const progress = (done: number, total: number, label: string) =>
      notify({
        id,
        type: "in-progress",
        header: `Deleting policy ${policyName}`,
        content: (
          <ProgressBar
            value={total ? Math.round((done / total) * 100) : 0}
            description={label}
            additionalInfo={`${done} of ${total} steps done`}
            variant="flash"
          />
        ),
      });
    progress(0, 1, "Finding the entities using this policy and its versions");
    const failures: Failure[] = [];
    try {
      const [entities, versions] = await Promise.all([fetchPolicyEntities(arn), fetchPolicyVersions(arn)]);
      const steps: Step[] = [
        ...entities.map((e) => ({ label: entityLabel(e), run: () => detachPolicy(arn, e) })),
        ...versions
          .filter((v) => !v.isDefaultVersion)
          .map((v) => ({ label: `Delete version ${v.versionId}`, run: () => deletePolicyVersion(arn, v.versionId) })),
      ];
      const total = steps.length + 1;
      for (const [i, step] of steps.entries()) {
        progress(i, total, step.label);
        await step.run().catch((err) => failures.push({ label: step.label, ...errorOf(err) }));
      }
      if (!failures.length) {
        progress(steps.length, total, "Delete the policy");
        await deletePolicy(arn).catch((err) => failures.push({ label: "Delete the policy", ...errorOf(err) }));
      }
    } catch (err) {
      failures.push({ label: "List the policy's entities and versions", ...errorOf(err) });
    }
    await invalidate();
    if (!failures.length) {
      notify({ id, type: "success", content: `Policy ${policyName} deleted.` });
      return true;
    }
    notify({
      id,
      type: "error",
      header: `Policy ${policyName} could not be deleted`,
      content: (
        <ul style={{ margin: 0, paddingLeft: 16 }} data-testid="delete-policy-failures">
          {failures.map((f, i) => (
            <li key={i}>
              {f.label}: {f.code}: {f.message}
            </li>
          ))}
        </ul>
      ),
    });
    return false;
  };
}
