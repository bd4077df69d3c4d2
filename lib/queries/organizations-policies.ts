import { useQuery } from "@tanstack/react-query";
import { api, qs } from "./api";
import { orgKeys } from "./organizations";
import type { PolicyTargetDto, TargetPolicies } from "@/lib/server/services/organizations-attachments";
import type { OrgPolicy } from "@/lib/server/services/organizations-policies";
import type { OrgPolicySummary } from "@/lib/server/services/organizations-shared";

export type { OrgPolicy, OrgPolicySummary, PolicyTargetDto, TargetPolicies };
export type OrgTag = { Key: string; Value: string };

export const useOrgPolicies = (type: string) =>
  useQuery({ queryKey: orgKeys.policies(type), queryFn: () => api<OrgPolicySummary[]>(`/api/organizations/policies${qs({ type })}`) });

export const useOrgPolicy = (policyId: string) =>
  useQuery({ queryKey: orgKeys.policy(policyId), queryFn: () => api<OrgPolicy>(`/api/organizations/policies/${policyId}`), retry: false });

export const usePolicyTargets = (policyId: string) =>
  useQuery({
    queryKey: orgKeys.policyTargets(policyId),
    queryFn: () => api<PolicyTargetDto[]>(`/api/organizations/policies/${policyId}/targets`),
  });

export const useTargetPolicies = (targetId: string, type: string) =>
  useQuery({
    queryKey: orgKeys.targetPolicies(targetId, type),
    queryFn: () => api<TargetPolicies>(`/api/organizations/targets/${targetId}/policies${qs({ type })}`),
  });

export const useOrgTags = (resourceId: string) =>
  useQuery({ queryKey: orgKeys.tags(resourceId), queryFn: () => api<OrgTag[]>(`/api/organizations/tags/${resourceId}`) });
