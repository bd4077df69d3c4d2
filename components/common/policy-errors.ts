import { validatePolicy } from "@/lib/policy/validate";
import type { PolicyKind, ValidateOptions } from "@/lib/policy/types";

/** What the console says when a policy with errors is to be saved or taken to the next step; the editor lists the errors. */
export const RESOLVE_POLICY_ERRORS = "Resolve the errors in the policy before you continue.";

/**
 * Whether IAM would refuse this document (MalformedPolicyDocument), by the grammar the editor checks as you type. It is
 * run on the very text a save is about to send, so the answer never lags behind the editor's last reported findings.
 */
export const policyHasErrors = (document: string, kind: PolicyKind, options?: ValidateOptions) =>
  !document.trim() || validatePolicy(document, kind, options).length > 0;
