import { positionAt } from "../json";
import type { PolicyKind } from "../types";
import type { PolicyFinding } from "./types";

/** Access Analyzer's ValidatePolicy policy types, and the resource type that makes a resource policy a role's trust policy. */
export const ACCESS_ANALYZER_POLICY_TYPES = [
  "IDENTITY_POLICY",
  "RESOURCE_POLICY",
  "SERVICE_CONTROL_POLICY",
  "RESOURCE_CONTROL_POLICY",
] as const;
export type AccessAnalyzerPolicyType = (typeof ACCESS_ANALYZER_POLICY_TYPES)[number];
export const TRUST_POLICY_RESOURCE_TYPE = "AWS::IAM::AssumeRolePolicyDocument";

export function kindOfPolicyType(type: AccessAnalyzerPolicyType, resourceType?: string): PolicyKind {
  if (type === "IDENTITY_POLICY") return "identity";
  if (type === "SERVICE_CONTROL_POLICY") return "scp";
  if (type === "RESOURCE_CONTROL_POLICY") return "rcp";
  return resourceType === TRUST_POLICY_RESOURCE_TYPE ? "trust" : "resource";
}

type PathElement = { value: string } | { index: number } | { key: string };
type AaPosition = { line: number; column: number; offset: number };

export type ValidatePolicyFinding = {
  findingType: PolicyFinding["kind"];
  issueCode: string;
  findingDetails: string;
  learnMoreLink: string;
  locations: { path: PathElement[]; span: { start: AaPosition; end: AaPosition } }[];
};

const REFERENCE = "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html";

/** "Statement[0].Condition.StringEquals" → [{value: "Statement"}, {index: 0}, {value: "Condition"}, {key: "StringEquals"}]. */
export function pathElements(path: string | undefined): PathElement[] {
  if (!path) return [];
  const out: PathElement[] = [];
  const [head, ...rest] = path.split(/(?<=Condition)\./);
  for (const part of head.split(".")) {
    const m = /^([^[]*)((\[\d+\])*)$/.exec(part);
    if (m?.[1]) out.push({ value: m[1] });
    for (const i of (m?.[2] ?? "").matchAll(/\[(\d+)\]/g)) out.push({ index: Number(i[1]) });
  }
  // Below Condition, keys are operators and condition keys, which may themselves hold dots.
  if (rest.length) {
    const [operator, ...key] = rest.join(".").split(/\.(?=[^.]*:)/);
    out.push({ key: operator });
    if (key.length) out.push({ key: key.join(".") });
  }
  return out;
}

/** Access Analyzer's positions: line from 1, column and offset from 0. */
const position = (text: string, offset: number): AaPosition => {
  const p = positionAt(text, offset);
  return { line: p.line, column: p.column - 1, offset };
};

/** A finding in the shape of Access Analyzer's ValidatePolicy response. */
export function toValidatePolicyFinding(text: string, f: PolicyFinding): ValidatePolicyFinding {
  return {
    findingType: f.kind,
    issueCode: f.code,
    findingDetails: f.detail ? `${f.message} ${f.detail}` : f.message,
    learnMoreLink: f.learnMoreUrl ?? REFERENCE,
    locations: [{ path: pathElements(f.path), span: { start: position(text, f.span.start), end: position(text, f.span.end) } }],
  };
}
