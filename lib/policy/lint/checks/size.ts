import type { PolicyKind } from "../../types";
import type { Hit, LintContext, PolicyQuota } from "../types";
import { check } from "./define";

/** Quotas in characters (IAM and Organizations quotas pages); IAM leaves whitespace out, Organizations counts it. */
export const QUOTAS: Record<Exclude<PolicyQuota, "none">, { size: number; whitespace: boolean; name: string }> = {
  managed: { size: 6144, whitespace: false, name: "a managed policy" },
  user: { size: 2048, whitespace: false, name: "a user's inline policies" },
  group: { size: 5120, whitespace: false, name: "a group's inline policies" },
  role: { size: 10240, whitespace: false, name: "a role's inline policies" },
  trust: { size: 2048, whitespace: false, name: "a role's trust policy" },
  organizations: { size: 5120, whitespace: true, name: "an SCP or RCP" },
};

const DEFAULT_QUOTA: Record<PolicyKind, PolicyQuota> = {
  identity: "managed",
  trust: "trust",
  scp: "organizations",
  rcp: "organizations",
  resource: "none",
};

export const quotaOf = (ctx: LintContext): PolicyQuota => ctx.options.quota ?? DEFAULT_QUOTA[ctx.kind];

/** The size as AWS counts it, and the offset of the first character past the quota. */
export function measure(text: string, size: number, whitespace: boolean): { length: number; over?: number } {
  if (whitespace) return { length: text.length, ...(text.length > size ? { over: size } : {}) };
  let length = 0;
  let over: number | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(text[i]))) continue;
    length++;
    if (length === size + 1) over = i;
  }
  return { length, ...(over !== undefined ? { over } : {}) };
}

const sizeCheck = (code: string, quotas: PolicyQuota[]) =>
  check(
    "size",
    code,
    "ERROR",
    (ctx): Hit[] => {
      const quota = quotaOf(ctx);
      if (quota === "none" || !quotas.includes(quota)) return [];
      const { size, whitespace, name } = QUOTAS[quota];
      const { length, over } = measure(ctx.text, size, whitespace);
      if (over === undefined) return [];
      const counted = whitespace ? "every character counts" : "whitespace not counted";
      return [
        {
          message: `The policy is ${length.toLocaleString("en-US")} characters (${counted}): ${name} may have ${size.toLocaleString("en-US")}.`,
          span: { start: over, end: ctx.text.length },
        },
      ];
    },
    { learnMoreUrl: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html" },
  );

export const SIZE_CHECKS = [
  sizeCheck("POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA", ["managed", "user", "group", "role"]),
  sizeCheck("POLICY_SIZE_EXCEEDS_TRUST_POLICY_QUOTA", ["trust"]),
  sizeCheck("POLICY_SIZE_EXCEEDS_ORGANIZATIONS_POLICY_QUOTA", ["organizations"]),
];
