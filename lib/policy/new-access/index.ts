import { findNewAccess } from "./check";
import type { AccessToCheck, CheckOptions, CheckResult, NewAccessKind } from "./types";

export type * from "./types";
export { SAMPLE_ACCOUNT } from "./check";

/**
 * IAM Access Analyzer's CheckNoNewAccess, offline: FAIL with example requests when `newText` allows what
 * `existingText` does not. Every witness is evaluated on both documents; PASS means none of the sample requests
 * (built from both documents' actions, resources, principals and conditions) is newly allowed.
 */
export function checkNoNewAccess(existingText: string, newText: string, kind: NewAccessKind, options: CheckOptions = {}): CheckResult {
  const witnesses = findNewAccess(existingText, newText, kind, options);
  return { result: witnesses.length ? "FAIL" : "PASS", witnesses };
}

/**
 * IAM Access Analyzer's CheckAccessNotGranted: FAIL when the policy allows any of `access.actions` (on any of
 * `access.resources` when given, on any resource otherwise), with the requests that show it.
 */
export function checkAccessNotGranted(text: string, kind: NewAccessKind, access: AccessToCheck, options: CheckOptions = {}): CheckResult {
  if (!access.actions?.length && !access.resources?.length) return { result: "PASS", witnesses: [] };
  const witnesses = findNewAccess(undefined, text, kind, options, access);
  return { result: witnesses.length ? "FAIL" : "PASS", witnesses };
}
