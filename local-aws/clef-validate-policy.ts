import { lintPolicy } from "../lib/policy/lint";
import {
  ACCESS_ANALYZER_POLICY_TYPES,
  kindOfPolicyType,
  toValidatePolicyFinding,
  type AccessAnalyzerPolicyType,
} from "../lib/policy/lint/access-analyzer";
import type { ClefResponse } from "./clef-routes";

/** Above IAM's largest quota (a role's inline policies, 10,240) with room for whitespace. */
const MAX_DOCUMENT = 131_072;

/**
 * POST /_clef/validate-policy: Clef's checks for a policy, answered as Access Analyzer's ValidatePolicy answers
 * (findings with findingType, issueCode, findingDetails, learnMoreLink, locations). Not an AWS API: it lives here.
 */
export function validatePolicyRoute(body: Record<string, unknown> | undefined): ClefResponse {
  const document = body?.policyDocument;
  const type = body?.policyType;
  const resourceType = body?.validatePolicyResourceType;
  if (
    typeof document !== "string" ||
    document.length > MAX_DOCUMENT ||
    !ACCESS_ANALYZER_POLICY_TYPES.includes(type as AccessAnalyzerPolicyType)
  ) {
    return {
      status: 400,
      body: {
        error: `Expected {policyDocument: a string of at most ${MAX_DOCUMENT} characters, policyType: ${ACCESS_ANALYZER_POLICY_TYPES.join(" | ")}, validatePolicyResourceType?}.`,
      },
    };
  }
  const kind = kindOfPolicyType(type as AccessAnalyzerPolicyType, typeof resourceType === "string" ? resourceType : undefined);
  const findings = lintPolicy(document, kind).map((f) => toValidatePolicyFinding(document, f));
  return { status: 200, body: { findings } };
}
