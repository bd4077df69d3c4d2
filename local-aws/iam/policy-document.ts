import { malformedPolicy } from "../protocol/errors";

export type PolicyKind = "identity" | "trust" | "resource" | "scp";

/** Throws AWS's MalformedPolicyDocument for a document that breaks the policy grammar. */
export function assertPolicyDocument(document: string, _kind: PolicyKind): void {
  try {
    JSON.parse(document);
  } catch {
    throw malformedPolicy("Syntax errors in policy.");
  }
}

/** AWS counts policy size without whitespace. */
export const policySize = (document: string) => document.replace(/\s/g, "").length;
