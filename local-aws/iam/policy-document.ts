import { validatePolicy } from "../../lib/policy/validate";
import type { PolicyKind, ValidateOptions } from "../../lib/policy/types";
import { malformedPolicy } from "../protocol/errors";

export type { PolicyKind, ValidateOptions };

/**
 * Throws AWS's MalformedPolicyDocument for a document that breaks the policy grammar, with the message AWS
 * gives for its first problem. Pass `{ managed: true }` for CreatePolicy/CreatePolicyVersion and a
 * `principalExists` lookup for trust policies.
 */
export function assertPolicyDocument(document: string, kind: PolicyKind, options: ValidateOptions = {}): void {
  const [first] = validatePolicy(document, kind, options);
  if (first) throw malformedPolicy(first.message);
}

/** AWS counts policy size without whitespace. */
export const policySize = (document: string) => document.replace(/\s/g, "").length;
