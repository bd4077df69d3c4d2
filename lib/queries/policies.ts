import { useQuery } from "@tanstack/react-query";
import { api, qs } from "./api";
import type { PolicyDetail, PolicySummary } from "@/lib/server/services/policies";
import type { PolicyVersion } from "@/lib/server/services/policy-versions";
import type { PolicyEntity } from "@/lib/server/services/policy-entities";

export type { PolicyDetail, PolicyEntity, PolicySummary, PolicyVersion };

export const policyKeys = {
  all: ["policies"] as const,
  /** Every page of the managed policies the account can use (`/api/policies` filters, sorts and pages on the server). */
  lists: () => [...policyKeys.all, "list"] as const,
  descriptions: (arns: string[]) => [...policyKeys.all, "descriptions", arns] as const,
  detail: (arn: string) => [...policyKeys.all, "detail", arn] as const,
  versions: (arn: string) => [...policyKeys.detail(arn), "versions"] as const,
  version: (arn: string, versionId: string) => [...policyKeys.versions(arn), versionId] as const,
  /** The users, groups and roles using the policy, the whole list. */
  entities: (arn: string) => [...policyKeys.detail(arn), "entities"] as const,
};

/** The console page and API path of a policy: its ARN URL-encoded into one segment. */
export const policyHref = (arn: string, rest = "") => `/policies/details/${encodeURIComponent(arn)}${rest}`;
export const policyApi = (arn: string, rest = "") => `/api/policies/${encodeURIComponent(arn)}${rest}`;

export const POLICIES_URL = "/api/policies";

/** Descriptions for the visible page only (ListPolicies leaves them out, as AWS does). */
export const usePolicyDescriptions = (arns: string[]) =>
  useQuery({
    queryKey: policyKeys.descriptions(arns),
    queryFn: () => api<Record<string, string>>(`/api/policies/descriptions${qs({ arns: arns.join(",") })}`),
    enabled: arns.length > 0,
    staleTime: 5 * 60_000,
  });

export const fetchPolicy = (arn: string) => api<PolicyDetail>(policyApi(arn));

export const usePolicy = (arn: string) => useQuery({ queryKey: policyKeys.detail(arn), queryFn: () => fetchPolicy(arn), retry: false });

export const fetchPolicyVersions = (arn: string) => api<PolicyVersion[]>(policyApi(arn, "/versions"));

/** Always refetched on mount: the edit page decides from the count whether IAM's 5-version quota is reached. */
export const usePolicyVersions = (arn: string, enabled = true) =>
  useQuery({ queryKey: policyKeys.versions(arn), queryFn: () => fetchPolicyVersions(arn), enabled, staleTime: 0 });

export const usePolicyVersion = (arn: string, versionId: string | undefined) =>
  useQuery({
    queryKey: policyKeys.version(arn, versionId ?? ""),
    queryFn: () => api<PolicyVersion>(policyApi(arn, `/versions/${encodeURIComponent(versionId!)}`)),
    enabled: !!versionId,
    staleTime: Infinity,
  });

export const fetchPolicyEntities = (arn: string) => api<PolicyEntity[]>(policyApi(arn, "/entities"));

export const usePolicyEntities = (arn: string) => useQuery({ queryKey: policyKeys.entities(arn), queryFn: () => fetchPolicyEntities(arn) });
