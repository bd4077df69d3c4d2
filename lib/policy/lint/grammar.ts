import { MESSAGES } from "../validate-identity";
import { TRUST_MESSAGES } from "../validate-trust";
import { RCP_RULES } from "../validate-rcp";
import { validatePolicy } from "../validate";
import type { Finding, JsonNode, PolicyKind, ValidateOptions } from "../types";
import { replaceString } from "./edits";
import type { PolicyFinding, QuickFix } from "./types";

/** AWS's grammar messages and the Access Analyzer issue code each corresponds to. */
const CODES: [string, string][] = [
  [MESSAGES.syntax, "MALFORMED_POLICY"],
  [MESSAGES.version, "INVALID_VERSION"],
  [RCP_RULES.version, "INVALID_VERSION"],
  [MESSAGES.principal, "UNSUPPORTED_PRINCIPAL"],
  [MESSAGES.sidFormat, "UNSUPPORTED_SID"],
  [MESSAGES.sidUnique, "UNIQUE_SIDS_REQUIRED"],
  [MESSAGES.actions, "MISSING_ACTION"],
  [TRUST_MESSAGES.missingAction, "MISSING_ACTION"],
  [MESSAGES.resources, "MISSING_RESOURCE"],
  [MESSAGES.vendor, "INVALID_ACTION"],
  [MESSAGES.colons, "INVALID_ACTION"],
  [TRUST_MESSAGES.missingPrincipal, "MISSING_PRINCIPAL"],
  [TRUST_MESSAGES.noPrincipals, "MISSING_PRINCIPAL"],
  [TRUST_MESSAGES.star, "UNSUPPORTED_WILDCARD_IN_PRINCIPAL"],
  [TRUST_MESSAGES.stsActions, "UNSUPPORTED_ACTION_IN_POLICY"],
  [TRUST_MESSAGES.notPrincipalAllow, "UNSUPPORTED_ELEMENT_COMBINATION"],
];
const BY_MESSAGE = new Map(CODES);

function codeOf(f: Finding, json: boolean): string {
  if (json) return "JSON_SYNTAX_ERROR";
  const message = f.detail ?? f.message;
  const known = BY_MESSAGE.get(message);
  if (known) return known;
  if (message.startsWith("Invalid principal in policy")) return "INVALID_PRINCIPAL_FORMAT";
  if (message.startsWith("Vendor ")) return "INVALID_SERVICE_IN_ACTION";
  if (message.startsWith("Has prohibited field")) return "INVALID_POLICY_ELEMENT";
  if (/^(Partition|Resource|IAM resource|Resource vendor)/.test(message)) return "INVALID_ARN_RESOURCE";
  return "MALFORMED_POLICY";
}

/** Where AWS's error has one certain repair: a managed policy's Version, an Effect's case. */
function fixOf(text: string, f: Finding): QuickFix | undefined {
  if (!f.span) return undefined;
  const written = text.slice(f.span.start, f.span.end);
  if (f.path === "Version" && written.startsWith('"')) return replaceString('Use "Version": "2012-10-17"', f.span, "2012-10-17");
  if (f.path?.endsWith(".Effect") && /^"(allow|deny)"$/i.test(written)) {
    const effect = written[1].toUpperCase() === "A" ? "Allow" : "Deny";
    return replaceString(`Change to "${effect}"`, f.span, effect);
  }
  return undefined;
}

/** validatePolicy's findings (what AWS rejects), as ERROR findings with their wording unchanged. */
export function grammarFindings(text: string, kind: PolicyKind, options: ValidateOptions, root: JsonNode | undefined): PolicyFinding[] {
  return validatePolicy(text, kind, options).map((f) => {
    const fix = fixOf(text, f);
    return {
      kind: "ERROR" as const,
      code: codeOf(f, root === undefined),
      message: f.message,
      span: f.span ?? { start: 0, end: text.length },
      ...(f.path ? { path: f.path } : {}),
      ...(f.detail ? { detail: f.detail } : {}),
      ...(fix ? { fix } : {}),
    };
  });
}
