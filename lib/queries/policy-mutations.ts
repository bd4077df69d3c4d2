import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "./api";
import { groupKeys } from "./groups";
import { policyApi, policyKeys, type PolicySummary, type PolicyVersion } from "./policies";
import { roleKeys } from "./roles";
import { userKeys } from "./users";
import type { CreatePolicyInput, CreatePolicyVersionInput, DetachPolicyInput, PolicyEntityType } from "@/lib/schemas/policies";
import type { TagDraft } from "@/lib/schemas/iam";

export type PolicyEntityRef = { entityType: PolicyEntityType; entityName: string };

export const createPolicy = (input: CreatePolicyInput) => api<PolicySummary>("/api/policies", { method: "POST", body: input });
export const deletePolicy = (arn: string) => api(policyApi(arn), { method: "DELETE" });
export const deletePolicyVersion = (arn: string, versionId: string) =>
  api(policyApi(arn, `/versions/${encodeURIComponent(versionId)}`), { method: "DELETE" });
export const attachPolicy = (arn: string, entity: PolicyEntityRef) => api(policyApi(arn, "/entities"), { method: "POST", body: entity });
export const detachPolicy = (arn: string, input: DetachPolicyInput) => api(policyApi(arn, "/entities"), { method: "DELETE", body: input });

/** Policy writes also change the users', groups' and roles' attached policies, so those refresh too. */
export function useInvalidatePolicies() {
  const client = useQueryClient();
  return () =>
    Promise.all([policyKeys.all, userKeys.all, groupKeys.all, roleKeys.all].map((queryKey) => client.invalidateQueries({ queryKey })));
}

function usePolicyMutation<V, R>(fn: (v: V) => Promise<R>) {
  const invalidate = useInvalidatePolicies();
  return useMutation({ mutationFn: fn, onSuccess: () => invalidate() });
}

export const useCreatePolicy = () => usePolicyMutation(createPolicy);

export const useCreatePolicyVersion = (arn: string) =>
  usePolicyMutation((input: CreatePolicyVersionInput) => api<PolicyVersion>(policyApi(arn, "/versions"), { method: "POST", body: input }));

export const useSetDefaultPolicyVersion = (arn: string) =>
  usePolicyMutation((versionId: string) => api(policyApi(arn, "/default-version"), { method: "PUT", body: { versionId } }));

export const useDeletePolicyVersion = (arn: string) => usePolicyMutation((versionId: string) => deletePolicyVersion(arn, versionId));

export const useUpdatePolicyTags = (arn: string) =>
  usePolicyMutation((tags: TagDraft[]) => api<{ tags: TagDraft[] }>(policyApi(arn, "/tags"), { method: "PUT", body: { tags } }));
