import type { PolicySummary } from "@/lib/server/services/policies";

/** The Type column as the AWS console words it: job function policies are AWS managed under /job-function/. */
export const policyTypeLabel = (p: Pick<PolicySummary, "type" | "path">) =>
  p.type === "AWS managed" && p.path.startsWith("/job-function/") ? "AWS managed - job function" : p.type;

/** The "Used as" column: permissions policy and/or permissions boundary, with counts. */
export function usedAsLabel(p: Pick<PolicySummary, "attachmentCount" | "permissionsBoundaryUsageCount">): string {
  const uses = [
    p.attachmentCount ? `Permissions policy (${p.attachmentCount})` : "",
    p.permissionsBoundaryUsageCount ? `Permissions boundary (${p.permissionsBoundaryUsageCount})` : "",
  ].filter(Boolean);
  return uses.length ? uses.join(", ") : "Not used";
}

export const TYPE_FILTERS = [
  { value: "All", label: "All types" },
  { value: "AWS", label: "AWS managed" },
  { value: "Local", label: "Customer managed" },
  { value: "JobFunction", label: "AWS managed - job function" },
] as const;

export const USAGE_FILTERS = [
  { value: "", label: "All uses" },
  { value: "PermissionsPolicy", label: "Permissions policy" },
  { value: "PermissionsBoundary", label: "Permissions boundary" },
  { value: "NotUsed", label: "Not used" },
] as const;

export type TypeFilter = (typeof TYPE_FILTERS)[number]["value"];
export type UsageFilter = (typeof USAGE_FILTERS)[number]["value"];

/** The "Filter by Type" choice: each policy has one type, as its Type column shows it. */
export function matchesType(p: Pick<PolicySummary, "type" | "path">, t: TypeFilter): boolean {
  const label = policyTypeLabel(p);
  return t === "All" || label === TYPE_FILTERS.find((f) => f.value === t)!.label;
}

/** The "Used as" choice, from the counts ListPolicies returns. */
export function matchesUsage(p: Pick<PolicySummary, "attachmentCount" | "permissionsBoundaryUsageCount">, u: UsageFilter): boolean {
  if (u === "PermissionsPolicy") return p.attachmentCount > 0;
  if (u === "PermissionsBoundary") return p.permissionsBoundaryUsageCount > 0;
  return u !== "NotUsed" || (!p.attachmentCount && !p.permissionsBoundaryUsageCount);
}
