import type { PolicyInput } from "../../lib/policy/evaluate/types";
import type { PrincipalPolicies } from "../authz/principal-policies";
import { matchesWildcard } from "../../lib/policy/wildcard";
import { invalidInput } from "../protocol/errors";

type InlineIdentifier = { PolicyName?: string; AttachmentType?: string; AttachmentName?: string };
export type PolicyIdentifier = { PolicyType?: string; PolicyArn?: string; InlinePolicyIdentifier?: InlineIdentifier };

const POLICY_TYPES = ["inline", "aws-managed", "user-managed", "permission-boundary", "scp", "rcp"];
const ATTACHMENT_TYPES = ["user", "group", "role"];
const MANAGED_ARN = /^arn:aws:iam::(\d{12}|aws):policy\/(?:[\w+=,.@*?-]+\/)*[\w+=,.@*?-]+$/;

/** At most one `*` (any run, none included) and any number of `?`, and only where AWS allows them. */
function checkWildcards(value: string, what: string): void {
  if ((value.match(/\*/g) ?? []).length > 1) throw invalidInput(`Invalid ${what}: ${value}. Use at most one * wildcard.`);
}

function check(e: PolicyIdentifier): void {
  const set = [e.PolicyType, e.PolicyArn, e.InlinePolicyIdentifier].filter((v) => v !== undefined).length;
  if (set !== 1) throw invalidInput("Invalid PolicyIdentifier: specify exactly one of PolicyType, PolicyArn or InlinePolicyIdentifier.");
  if (e.PolicyType !== undefined && !POLICY_TYPES.includes(e.PolicyType)) {
    throw invalidInput(`Invalid PolicyType: ${e.PolicyType}. Valid values are ${POLICY_TYPES.join(", ")}.`);
  }
  if (e.PolicyArn !== undefined) {
    const head = e.PolicyArn.slice(0, e.PolicyArn.lastIndexOf("/") + 1);
    if (!MANAGED_ARN.test(e.PolicyArn) || /[*?]/.test(head)) throw invalidInput(`Invalid PolicyArn: ${e.PolicyArn}.`);
    checkWildcards(e.PolicyArn, "PolicyArn");
  }
  const inline = e.InlinePolicyIdentifier;
  if (inline) {
    if (!inline.PolicyName || !inline.AttachmentName || !ATTACHMENT_TYPES.includes(inline.AttachmentType ?? "")) {
      throw invalidInput(
        "Invalid InlinePolicyIdentifier: PolicyName, AttachmentType (user, group or role) and AttachmentName are required.",
      );
    }
    checkWildcards(inline.AttachmentName, "AttachmentName");
  }
}

/** `user/alice/inline/ReadOnly` → its entity type, entity name and policy name. */
function inlineParts(p: PolicyInput): [string, string, string] | undefined {
  const m = /^(user|group|role)\/([^/]+)\/inline\/(.+)$/.exec(p.id);
  return m ? [m[1], m[2], m[3]] : undefined;
}

function excluded(p: PolicyInput, e: PolicyIdentifier): boolean {
  const inline = inlineParts(p);
  if (e.PolicyType !== undefined) return e.PolicyType === "inline" ? inline !== undefined : p.sourceType === e.PolicyType;
  if (e.PolicyArn !== undefined) return !inline && matchesWildcard(e.PolicyArn, p.id, true);
  const i = e.InlinePolicyIdentifier!;
  return !!inline && inline[0] === i.AttachmentType && inline[2] === i.PolicyName && matchesWildcard(i.AttachmentName!, inline[1], true);
}

/**
 * PolicyExclusionList: the principal's attached policies to leave out. Malformed identifiers are InvalidInput;
 * identifiers that match nothing, and SCP and RCP types (there are no organizations here), are ignored.
 */
export function applyExclusions(policies: PrincipalPolicies, list: PolicyIdentifier[] | undefined): PrincipalPolicies {
  if (!list?.length) return policies;
  list.forEach(check);
  const identity = policies.identity.filter((p) => !list.some((e) => excluded(p, e)));
  const dropBoundary = list.some((e) => e.PolicyType === "permission-boundary");
  return dropBoundary || !policies.boundary ? { identity } : { identity, boundary: policies.boundary };
}
