import { CONDITION_OPERATORS } from "../conditions";

/** What each condition operator tests, after the IAM user guide's "IAM JSON policy elements: Condition operators". */
export const OPERATOR_MEANINGS: Record<string, string> = {
  StringEquals: "Exact match, case sensitive.",
  StringNotEquals: "Negated match: the key's value equals none of the values (case sensitive).",
  StringEqualsIgnoreCase: "Exact match, ignoring case.",
  StringNotEqualsIgnoreCase: "Negated match, ignoring case.",
  StringLike: "Case-sensitive match with multi-character (*) and single-character (?) wildcards.",
  StringNotLike: "Negated case-sensitive match with * and ? wildcards.",
  NumericEquals: "Number equal to the value.",
  NumericNotEquals: "Number not equal to any of the values.",
  NumericLessThan: "Number less than the value.",
  NumericLessThanEquals: "Number less than or equal to the value.",
  NumericGreaterThan: "Number greater than the value.",
  NumericGreaterThanEquals: "Number greater than or equal to the value.",
  DateEquals: "Date equal to the value (ISO 8601 date or epoch seconds).",
  DateNotEquals: "Date not equal to any of the values.",
  DateLessThan: "Date before the value.",
  DateLessThanEquals: "Date at or before the value.",
  DateGreaterThan: "Date after the value.",
  DateGreaterThanEquals: "Date at or after the value.",
  Bool: 'Boolean match: "true" or "false".',
  BinaryEquals: "Byte-for-byte match of a base-64 encoded binary value.",
  IpAddress: "IP address in the given address or CIDR range (IPv4 or IPv6).",
  NotIpAddress: "IP address outside every given address or CIDR range.",
  ArnEquals: "Case-sensitive ARN match; each of the six colon-delimited parts is compared, with * and ? wildcards.",
  ArnLike: "Case-sensitive ARN match; each of the six colon-delimited parts is compared, with * and ? wildcards.",
  ArnNotEquals: "Negated ARN match.",
  ArnNotLike: "Negated ARN match.",
  Null: '"true": the key is absent from the request; "false": it is present and not null.',
};

const IF_EXISTS = "If the key is absent from the request, the condition is true (…IfExists).";
const SET_MEANINGS = {
  ForAllValues:
    "Every value in the request's multivalued key must match one of the condition's values (true if the key is absent or empty).",
  ForAnyValue: "At least one value in the request's multivalued key must match one of the condition's values.",
} as const;

export type OperatorInfo = { name: string; meaning: string; order: number };

/** Every operator AWS accepts: the 27 base ones, their IfExists forms (not Null), each also under ForAllValues:/ForAnyValue:. */
export const OPERATORS: readonly OperatorInfo[] = (() => {
  const out: OperatorInfo[] = [];
  const bases = CONDITION_OPERATORS.flatMap((base) =>
    base === "Null" ? [[base, false] as const] : [[base, false] as const, [base, true] as const],
  );
  for (const set of [undefined, "ForAllValues", "ForAnyValue"] as const) {
    for (const [base, ifExists] of bases) {
      const name = `${set ? `${set}:` : ""}${base}${ifExists ? "IfExists" : ""}`;
      const meaning = [set && SET_MEANINGS[set], OPERATOR_MEANINGS[base], ifExists && IF_EXISTS].filter(Boolean).join(" ");
      out.push({ name, meaning, order: (set ? 2 : 0) + (ifExists ? 1 : 0) });
    }
  }
  return out;
})();

export const PRINCIPAL_TYPES = ["AWS", "Service", "Federated", "CanonicalUser"] as const;

/** Service principals that most often appear in trust policies. */
export const SERVICE_PRINCIPALS = [
  "lambda.amazonaws.com",
  "ec2.amazonaws.com",
  "ecs-tasks.amazonaws.com",
  "eks.amazonaws.com",
  "states.amazonaws.com",
  "events.amazonaws.com",
  "scheduler.amazonaws.com",
  "apigateway.amazonaws.com",
  "glue.amazonaws.com",
  "sagemaker.amazonaws.com",
  "codebuild.amazonaws.com",
  "codepipeline.amazonaws.com",
  "cloudformation.amazonaws.com",
  "firehose.amazonaws.com",
  "logs.amazonaws.com",
  "s3.amazonaws.com",
  "sns.amazonaws.com",
  "ssm.amazonaws.com",
  "elasticmapreduce.amazonaws.com",
  "batch.amazonaws.com",
  "bedrock.amazonaws.com",
  "edgelambda.amazonaws.com",
];

export const FEDERATED_PRINCIPALS = ["cognito-identity.amazonaws.com", "accounts.google.com", "graph.facebook.com", "www.amazon.com"];

/** The actions a trust policy grants (sts:AssumeRole and the session actions that go with it). */
export const TRUST_ACTIONS = [
  "sts:AssumeRole",
  "sts:AssumeRoleWithWebIdentity",
  "sts:AssumeRoleWithSAML",
  "sts:TagSession",
  "sts:SetSourceIdentity",
  "sts:SetContext",
];

export const POLICY_VERSIONS = [
  { label: "2012-10-17", detail: "Current version of the policy language" },
  { label: "2008-10-17", detail: "Earlier version: no policy variables" },
];

/** Snippet bodies for a key typed outside a string (Monaco snippet syntax: $1, ${1:default}, ${1|a,b|}). */
export const KEY_SNIPPETS: Record<string, string> = {
  Version: '"Version": "2012-10-17"',
  Id: '"Id": "$1"',
  Statement: '"Statement": [\n\t{\n\t\t"Effect": "${1|Allow,Deny|}",\n\t\t"Action": "$2",\n\t\t"Resource": "$3"\n\t}\n]',
  Sid: '"Sid": "$1"',
  Effect: '"Effect": "${1|Allow,Deny|}"',
  Principal: '"Principal": {\n\t"${1|AWS,Service,Federated|}": "$2"\n}',
  NotPrincipal: '"NotPrincipal": {\n\t"${1|AWS,Service,Federated|}": "$2"\n}',
  Condition: '"Condition": {\n\t"$1": {\n\t\t"$2": "$3"\n\t}\n}',
};

export const KEY_DOCS: Record<string, string> = {
  Version: "The policy language version: always 2012-10-17.",
  Id: "An optional identifier for the policy.",
  Statement: "The policy's statements: one object or an array of them.",
  Sid: "An optional statement ID, unique in the policy.",
  Effect: "Allow or Deny.",
  Principal: "Who the statement applies to (resource-based and trust policies).",
  NotPrincipal: "Everyone except the principals listed.",
  Action: "The actions the statement covers (service:Action, wildcards allowed).",
  NotAction: "Every action except those listed.",
  Resource: "The resources the statement covers (ARNs, wildcards allowed).",
  NotResource: "Every resource except those listed.",
  Condition: "When the statement applies: operator → condition key → values.",
};
