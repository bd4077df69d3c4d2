import type { PolicyKind } from "./types";

/** A value the user fills in; `check` returns AWS's rule for it when the value breaks it. */
export type TemplateField = {
  id: string;
  label: string;
  description: string;
  placeholder: string;
  /** Comma-separated values ("us-east-1, eu-west-1"). */
  list?: boolean;
  check: (value: string) => string | undefined;
};

export type PolicyTemplate = {
  id: string;
  name: string;
  description: string;
  kind: PolicyKind;
  fields: TemplateField[];
  document: (values: Record<string, string>) => object;
};

const rule = (test: RegExp, message: string) => (value: string) => (test.test(value) ? undefined : message);

const bucket: TemplateField = {
  id: "bucket",
  label: "Bucket name",
  description: "The S3 bucket the policy gives read access to.",
  placeholder: "amzn-s3-demo-bucket",
  check: rule(
    /^(?!\d+\.\d+\.\d+\.\d+$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
    "Bucket names are 3 to 63 lowercase letters, numbers, dots (.) and hyphens (-), beginning and ending with a letter or number.",
  ),
};

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const regions: TemplateField = {
  id: "regions",
  label: "Allowed Regions",
  description: "Requests to any other Region are denied. Separate Regions with commas.",
  placeholder: "us-east-1, eu-west-1",
  list: true,
  check: (value) =>
    listOf(value).length && listOf(value).every((r) => REGION.test(r)) ? undefined : "Enter one or more Region codes, such as us-east-1.",
};

const accountId: TemplateField = {
  id: "accountId",
  label: "Account ID",
  description: "The AWS account whose principals may assume the role.",
  placeholder: "111122223333",
  check: rule(/^\d{12}$/, "An account ID is 12 digits."),
};

const externalId: TemplateField = {
  id: "externalId",
  label: "External ID",
  description: "The secret the other account passes as ExternalId when it assumes the role.",
  placeholder: "Unique-ID-from-the-third-party",
  check: rule(/^[\w+=,.@:/-]{2,1224}$/, "An external ID is 2 to 1,224 characters: letters, numbers and +=,.@:/-_"),
};

export const listOf = (value: string) =>
  value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);

/** Services that answer in us-east-1 whatever the Region, as AWS's "Deny access to AWS based on the requested Region" example exempts them. */
const GLOBAL_SERVICES = [
  "a4b:*",
  "acm:*",
  "aws-marketplace-management:*",
  "aws-marketplace:*",
  "aws-portal:*",
  "budgets:*",
  "ce:*",
  "chime:*",
  "cloudfront:*",
  "config:*",
  "cur:*",
  "directconnect:*",
  "ec2:DescribeRegions",
  "ec2:DescribeTransitGateways",
  "ec2:DescribeVpnGateways",
  "fms:*",
  "globalaccelerator:*",
  "health:*",
  "iam:*",
  "importexport:*",
  "kms:*",
  "mobileanalytics:*",
  "networkmanager:*",
  "organizations:*",
  "pricing:*",
  "route53:*",
  "route53domains:*",
  "route53-recovery-cluster:*",
  "route53-recovery-control-config:*",
  "route53-recovery-readiness:*",
  "s3:GetAccountPublic*",
  "s3:ListAllMyBuckets",
  "s3:ListMultiRegionAccessPoints",
  "s3:PutAccountPublic*",
  "shield:*",
  "sts:*",
  "support:*",
  "trustedadvisor:*",
  "waf-regional:*",
  "waf:*",
  "wafv2:*",
  "wellarchitected:*",
];

/** The IAM user guide's "Allows IAM users to manage their own MFA device": everything else needs an MFA sign-in. */
const MFA_SETUP = [
  "iam:CreateVirtualMFADevice",
  "iam:EnableMFADevice",
  "iam:GetUser",
  "iam:ChangePassword",
  "iam:ListMFADevices",
  "iam:ListVirtualMFADevices",
  "iam:ResyncMFADevice",
  "sts:GetSessionToken",
];

const policy = (...Statement: object[]) => ({ Version: "2012-10-17", Statement });

export const POLICY_TEMPLATES: readonly PolicyTemplate[] = [
  {
    id: "s3-read-only-bucket",
    name: "Read-only access to an S3 bucket",
    description: "List one bucket and read its objects.",
    kind: "identity",
    fields: [bucket],
    document: (v) =>
      policy(
        { Sid: "ListBucket", Effect: "Allow", Action: ["s3:ListBucket", "s3:GetBucketLocation"], Resource: `arn:aws:s3:::${v.bucket}` },
        { Sid: "ReadObjects", Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion"], Resource: `arn:aws:s3:::${v.bucket}/*` },
      ),
  },
  {
    id: "require-mfa",
    name: "Require MFA",
    description: "Deny every action but setting up an MFA device unless the user signed in with MFA.",
    kind: "identity",
    fields: [],
    document: () =>
      policy({
        Sid: "DenyAllExceptMFASetupUnlessSignedInWithMFA",
        Effect: "Deny",
        NotAction: MFA_SETUP,
        Resource: "*",
        Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } },
      }),
  },
  {
    id: "deny-outside-regions",
    name: "Deny outside allowed Regions",
    description: "Deny requests to Regions other than those listed; global services stay allowed.",
    kind: "identity",
    fields: [regions],
    document: (v) =>
      policy({
        Sid: "DenyAllOutsideAllowedRegions",
        Effect: "Deny",
        NotAction: GLOBAL_SERVICES,
        Resource: "*",
        Condition: { StringNotEquals: { "aws:RequestedRegion": listOf(v.regions) } },
      }),
  },
  {
    id: "cross-account-trust-external-id",
    name: "Cross-account trust with external ID",
    description: "Let another AWS account assume the role when it passes the external ID you agreed on.",
    kind: "trust",
    fields: [accountId, externalId],
    document: (v) =>
      policy({
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${v.accountId}:root` },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "sts:ExternalId": v.externalId } },
      }),
  },
];

/** The templates for policies of a kind: SCPs take the identity ones (their grammar is the identity grammar's). */
export const templatesFor = (kind: PolicyKind) => POLICY_TEMPLATES.filter((t) => t.kind === (kind === "scp" ? "identity" : kind));

/** Each field's error, by field id; empty when every value is valid. */
export function templateErrors(template: PolicyTemplate, values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of template.fields) {
    const error = f.check((values[f.id] ?? "").trim());
    if (error) out[f.id] = error;
  }
  return out;
}

/** The template's document with the values filled in, indented as `indent` (the editors' own indentation). */
export function renderTemplate(template: PolicyTemplate, values: Record<string, string>, indent: string | number = "\t"): string {
  const trimmed = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()]));
  return JSON.stringify(template.document(trimmed), null, indent);
}
