import { parseJson } from "./json";
import { MESSAGES, identityFindings } from "./validate-identity";
import { TRUST_MESSAGES, resourcePolicyFindings } from "./validate-trust";
import { rcpFindings } from "./validate-rcp";
import type { Finding, PolicyKind, ValidateOptions } from "./types";

/** AWS Organizations words every SCP and RCP grammar failure the same way; the specific rule is kept in `detail`. */
export const SCP_MALFORMED_MESSAGE = "The provided policy document does not meet the requirements of the specified policy type.";

/**
 * Checks a policy document against AWS's grammar for its kind. The first finding is the error AWS reports
 * (MalformedPolicyDocument's message); the rest are further problems, for the editor. Empty means valid.
 */
export function validatePolicy(text: string, kind: PolicyKind, options: ValidateOptions = {}): Finding[] {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const message = kind === "trust" || kind === "resource" ? TRUST_MESSAGES.json : MESSAGES.syntax;
    const span = { start: parsed.error.offset, end: parsed.error.offset };
    return [organizations(kind, { message, span, detail: parsed.error.message })];
  }
  if (kind === "trust" || kind === "resource") return resourcePolicyFindings(parsed.value, kind, options);
  if (kind === "rcp") return rcpFindings(parsed.value).map((f) => organizations(kind, f));
  return identityFindings(parsed.value, kind, options).map((f) => organizations(kind, f));
}

const organizations = (kind: PolicyKind, f: Finding): Finding =>
  kind === "scp" || kind === "rcp" ? { ...f, message: SCP_MALFORMED_MESSAGE, detail: f.detail ?? f.message } : f;
