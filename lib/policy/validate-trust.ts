import { member } from "./json";
import { awsPrincipalShape } from "./arn";
import { matchesWildcard } from "./wildcard";
import { checkShape, isStringOrStringList, listValues, type StatementNode } from "./shape";
import { MESSAGES, actionFindings, sidUniqueness } from "./validate-identity";
import type { Finding, JsonMember, JsonNode, ValidateOptions } from "./types";

export const TRUST_MESSAGES = {
  json: "This policy contains invalid Json",
  missingPrincipal: "Missing required field Principal",
  missingAction: "Missing required field Action",
  stsActions: "AssumeRole policy may only specify STS AssumeRole actions.",
  star: 'AssumeRolepolicy contained an invalid principal: "STAR":"*".',
  noPrincipals:
    "Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!",
  notPrincipalAllow: 'NotPrincipal must be used with "Effect":"Deny".',
};

const STS_ACTIONS = [
  "sts:AssumeRole",
  "sts:AssumeRoleWithSAML",
  "sts:AssumeRoleWithWebIdentity",
  "sts:TagSession",
  "sts:SetSourceIdentity",
  "sts:SetContext",
];

const PRINCIPAL_TYPES: Record<string, string> = {
  AWS: "AWS",
  Service: "SERVICE",
  Federated: "FEDERATED",
  CanonicalUser: "CANONICAL_USER",
};
const WEB_IDENTITY_PROVIDERS = ["cognito-identity.amazonaws.com", "www.amazon.com", "graph.facebook.com", "accounts.google.com"];
const SERVICE = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/;
const FEDERATED_ARN = /^arn:aws[a-z-]*:iam::\d{12}:(saml-provider\/[\w.-]+|oidc-provider\/.+)$/;

const invalidPrincipal = (type: string, value: string) => `Invalid principal in policy: "${PRINCIPAL_TYPES[type]}":"${value}"`;

/**
 * Role trust policies (and other resource-based policies) go through IAM's resource-policy parser, whose wording
 * differs from the permissions-policy one. Principals naming IAM users and roles are resolved last.
 */
export function resourcePolicyFindings(root: JsonNode, kind: "trust" | "resource", options: ValidateOptions): Finding[] {
  const shape = checkShape(root, { topKeys: ["Version", "Id", "Statement"], message: MESSAGES.syntax });
  if (shape.findings.length) return shape.findings;
  const out: Finding[] = [];
  for (const s of shape.statements) out.push(...(kind === "trust" ? trustStatement(s) : resourceStatement(s)));
  out.push(...sidUniqueness(shape.statements));
  if (kind === "resource") out.push(...actionFindings(shape.statements));
  for (const s of shape.statements) {
    const principal = member(s.node, "Principal") ?? member(s.node, "NotPrincipal");
    if (principal) out.push(...principalFindings(principal, `${s.path}.${principal.key}`, kind, options));
  }
  return out;
}

function trustStatement({ node, path }: StatementNode): Finding[] {
  const out: Finding[] = [];
  for (const key of ["Resource", "NotResource", "NotPrincipal"]) {
    const m = member(node, key);
    if (m) out.push({ message: `Has prohibited field ${key}`, path: `${path}.${key}`, span: m.keySpan });
  }
  if (!member(node, "Principal") && !member(node, "NotPrincipal")) {
    out.push({ message: TRUST_MESSAGES.missingPrincipal, path, span: node.span });
  }
  const actions = listValues(node, path, "Action") ?? listValues(node, path, "NotAction");
  if (!actions?.length) out.push({ message: TRUST_MESSAGES.missingAction, path, span: node.span });
  for (const a of actions ?? []) {
    if (STS_ACTIONS.some((sts) => matchesWildcard(a.value, sts))) continue;
    out.push({ message: TRUST_MESSAGES.stsActions, path: a.path, span: a.span });
  }
  return out;
}

function resourceStatement({ node, path }: StatementNode): Finding[] {
  const out: Finding[] = [];
  const notPrincipal = member(node, "NotPrincipal");
  if (!member(node, "Principal") && !notPrincipal) {
    out.push({ message: TRUST_MESSAGES.missingPrincipal, path, span: node.span });
  }
  const effect = member(node, "Effect")!.value;
  if (notPrincipal && effect.kind === "string" && effect.value !== "Deny") {
    out.push({ message: TRUST_MESSAGES.notPrincipalAllow, path: `${path}.NotPrincipal`, span: notPrincipal.keySpan });
  }
  if (!listValues(node, path, "Action")?.length && !listValues(node, path, "NotAction")?.length) {
    out.push({ message: TRUST_MESSAGES.missingAction, path, span: node.span });
  }
  return out;
}

function principalFindings(m: JsonMember, path: string, kind: "trust" | "resource", options: ValidateOptions): Finding[] {
  const v = m.value;
  if (v.kind === "string" && v.value === "*") {
    return kind === "trust" ? [{ message: TRUST_MESSAGES.star, path, span: v.span }] : [];
  }
  if (v.kind !== "object") return [{ message: MESSAGES.syntax, path, span: v.span }];
  const out: Finding[] = [];
  let count = 0;
  for (const entry of v.members) {
    const known = Object.hasOwn(PRINCIPAL_TYPES, entry.key) && !(kind === "trust" && entry.key === "CanonicalUser");
    if (!known || !isStringOrStringList(entry.value)) {
      out.push({ message: MESSAGES.syntax, path: `${path}.${entry.key}`, span: entry.keySpan });
      continue;
    }
    const values = listValues(v, path, entry.key) ?? [];
    count += values.length;
    for (const p of values) {
      if (!principalValueOk(entry.key, p.value, options)) {
        out.push({ message: invalidPrincipal(entry.key, p.value), path: p.path, span: p.span });
      }
    }
  }
  if (count === 0 && out.length === 0) out.push({ message: TRUST_MESSAGES.noPrincipals, path, span: v.span });
  return out;
}

function principalValueOk(type: string, value: string, options: ValidateOptions): boolean {
  if (type === "Service") return SERVICE.test(value);
  if (type === "Federated") {
    return WEB_IDENTITY_PROVIDERS.includes(value) || (FEDERATED_ARN.test(value) && (options.principalExists?.(value) ?? true));
  }
  if (type === "CanonicalUser") return /^[0-9a-f]{64}$/.test(value);
  const shape = awsPrincipalShape(value);
  if (!shape) return false;
  if (shape !== "user" && shape !== "role") return true;
  return options.principalExists?.(value) ?? true;
}
