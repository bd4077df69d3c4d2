export {
  matchesType,
  matchesUsage,
  policyTypeLabel,
  TYPE_FILTERS,
  USAGE_FILTERS,
  usedAsLabel,
  type TypeFilter,
  type UsageFilter,
} from "@/lib/lists/policy-filters";

export const entityHref = (type: "User" | "Group" | "Role", name: string) =>
  `/${type === "User" ? "users" : type === "Group" ? "groups/details" : "roles"}/${encodeURIComponent(name)}`;

/** The policy ARN from its URL segment, whether or not the router has already decoded it (ARNs can hold `%`). */
export const arnFromSegment = (segment: string) => (/^arn%3A/i.test(segment) ? decodeURIComponent(segment) : segment);
