import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { api } from "./api";
import {
  orgKeys,
  type CreateAccountStatusDto,
  type HandshakeDto,
  type OrganizationalUnitDto,
  type OrganizationDto,
  type RootDto,
} from "./organizations";
import type { OrgPolicy, OrgTag } from "./organizations-policies";
import type {
  CreateAccountInput,
  CreateOrganizationalUnitInput,
  CreateOrgPolicyInput,
  InviteAccountInput,
  MoveAccountInput,
  UpdateOrgPolicyInput,
} from "@/lib/schemas/organizations";

/**
 * Any Organizations write can change the tree, attachments and inherited policies, so every query under
 * ["organizations"] is invalidated. Queries of a deleted node are only marked stale: refetching them would just fail
 * while the page moves on.
 */
export async function invalidateOrganizations(client: QueryClient, deletedId?: string) {
  const gone = (key: readonly unknown[]) => !!deletedId && key.includes(deletedId);
  await Promise.all([
    client.invalidateQueries({ queryKey: orgKeys.all, predicate: (q) => !gone(q.queryKey) }),
    client.invalidateQueries({ queryKey: orgKeys.all, predicate: (q) => gone(q.queryKey), refetchType: "none" }),
  ]);
}

function useOrgMutation<V, R>(fn: (v: V) => Promise<R>, deleted?: (v: V) => string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: (_data, error, v) => invalidateOrganizations(client, error || !deleted ? undefined : deleted(v)),
  });
}

export const useCreateOrganization = () => useOrgMutation(() => api<OrganizationDto>("/api/organizations", { method: "POST" }));
export const useDeleteOrganization = () => useOrgMutation(() => api("/api/organizations", { method: "DELETE" }));
export const useLeaveOrganization = () => useOrgMutation(() => api("/api/organizations/leave", { method: "POST" }));

export const useEnablePolicyType = (rootId: string) =>
  useOrgMutation((policyType: string) =>
    api<RootDto>(`/api/organizations/roots/${rootId}/policy-types`, { method: "POST", body: { policyType } }),
  );
export const useDisablePolicyType = (rootId: string) =>
  useOrgMutation((policyType: string) =>
    api<RootDto>(`/api/organizations/roots/${rootId}/policy-types/${policyType}`, { method: "DELETE" }),
  );

export const useCreateOrganizationalUnit = () =>
  useOrgMutation((input: CreateOrganizationalUnitInput) =>
    api<OrganizationalUnitDto>("/api/organizations/organizational-units", { method: "POST", body: input }),
  );
export const useRenameOrganizationalUnit = () =>
  useOrgMutation((v: { ouId: string; name: string }) =>
    api<OrganizationalUnitDto>(`/api/organizations/organizational-units/${v.ouId}`, { method: "PATCH", body: { name: v.name } }),
  );
export const useDeleteOrganizationalUnit = () =>
  useOrgMutation(
    (ouId: string) => api(`/api/organizations/organizational-units/${ouId}`, { method: "DELETE" }),
    (ouId) => ouId,
  );

export const useCreateAccount = () =>
  useOrgMutation((input: CreateAccountInput) =>
    api<CreateAccountStatusDto>("/api/organizations/accounts", { method: "POST", body: input }),
  );
export const useMoveAccount = () =>
  useOrgMutation((v: MoveAccountInput & { accountId: string }) =>
    api(`/api/organizations/accounts/${v.accountId}/move`, {
      method: "POST",
      body: { sourceParentId: v.sourceParentId, destinationParentId: v.destinationParentId },
    }),
  );
export const useRemoveAccount = () =>
  useOrgMutation(
    (accountId: string) => api(`/api/organizations/accounts/${accountId}`, { method: "DELETE" }),
    (accountId) => accountId,
  );
export const useCloseAccount = () =>
  useOrgMutation((accountId: string) => api(`/api/organizations/accounts/${accountId}/close`, { method: "POST" }));

export const useInviteAccount = () =>
  useOrgMutation((input: InviteAccountInput) => api<HandshakeDto>("/api/organizations/handshakes", { method: "POST", body: input }));
export const useCancelHandshake = () =>
  useOrgMutation((handshakeId: string) => api<HandshakeDto>(`/api/organizations/handshakes/${handshakeId}`, { method: "DELETE" }));

export const useCreateOrgPolicy = () =>
  useOrgMutation((input: CreateOrgPolicyInput) => api<OrgPolicy>("/api/organizations/policies", { method: "POST", body: input }));
export const useUpdateOrgPolicy = (policyId: string) =>
  useOrgMutation((input: UpdateOrgPolicyInput) =>
    api<OrgPolicy>(`/api/organizations/policies/${policyId}`, { method: "PUT", body: input }),
  );
export const useDeleteOrgPolicy = () =>
  useOrgMutation(
    (policyId: string) => api(`/api/organizations/policies/${policyId}`, { method: "DELETE" }),
    (policyId) => policyId,
  );

export const useAttachPolicy = () =>
  useOrgMutation((v: { targetId: string; policyId: string }) =>
    api(`/api/organizations/targets/${v.targetId}/policies`, { method: "POST", body: { policyId: v.policyId } }),
  );
export const useDetachPolicy = () =>
  useOrgMutation((v: { targetId: string; policyId: string }) =>
    api(`/api/organizations/targets/${v.targetId}/policies/${v.policyId}`, { method: "DELETE" }),
  );

export const useUpdateOrgTags = (resourceId: string) =>
  useOrgMutation((tags: OrgTag[]) => api<OrgTag[]>(`/api/organizations/tags/${resourceId}`, { method: "PUT", body: { tags } }));
