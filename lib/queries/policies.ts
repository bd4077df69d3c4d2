import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, qs } from "./api";
import type { PolicySummary } from "@/lib/server/services/policies";
import type { Page } from "@/lib/server/services/paging";

export type PolicyListQuery = {
  scope?: "All" | "AWS" | "Local";
  onlyAttached?: boolean;
  usage?: "PermissionsPolicy" | "PermissionsBoundary";
  filter?: string;
  pageToken?: string;
  pageSize: number;
};

export const policyKeys = {
  all: ["policies"] as const,
  lists: () => [...policyKeys.all, "list"] as const,
  list: (q: PolicyListQuery) => [...policyKeys.lists(), q] as const,
  detail: (arn: string) => [...policyKeys.all, "detail", arn] as const,
};

export const fetchPolicies = (q: PolicyListQuery) =>
  api<Page<PolicySummary>>(`/api/policies${qs({ ...q, onlyAttached: q.onlyAttached ? "true" : undefined })}`);

export const usePolicies = (q: PolicyListQuery) =>
  useQuery({ queryKey: policyKeys.list(q), queryFn: () => fetchPolicies(q), placeholderData: keepPreviousData });
