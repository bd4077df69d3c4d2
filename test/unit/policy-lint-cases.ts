import type { LintOptions } from "@/lib/policy/lint";
import type { PolicyKind } from "@/lib/policy/types";

/** A document for a check: `span` is the exact text its finding points at; `fixed` the document once its fix is applied. */
export type LintCase = { doc: unknown; kind?: PolicyKind; options?: LintOptions; span?: string; fixed?: unknown };
export type CheckCases = { trigger: LintCase; clean: LintCase };

export const policy = (...Statement: unknown[]) => ({ Version: "2012-10-17", Statement });
export const allow = (Action: unknown, Resource: unknown = "*", extra: object = {}) => ({ Effect: "Allow", Action, Resource, ...extra });
const when = (Condition: object, Action: unknown = "s3:ListBucket", Resource: unknown = "arn:aws:s3:::b") =>
  policy(allow(Action, Resource, { Condition }));
const trust = (Principal: unknown, Condition?: object, Action = "sts:AssumeRole") =>
  policy({ Effect: "Allow", Principal, Action, ...(Condition ? { Condition } : {}) });
const q = (s: string) => JSON.stringify(s);
const T = { kind: "trust" as const };
const OIDC = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
const SAML = "arn:aws:iam::123456789012:saml-provider/corp";
const buckets = (n: number) => Array.from({ length: n }, (_, i) => `arn:aws:s3:::bucket-number-${i}/*`);
const accounts = (n: number) => Array.from({ length: n }, (_, i) => String(100000000000 + i));

/** Every check's trigger and clean case, keyed by its code. */
export const CASES: Record<string, CheckCases> = {
  INVALID_SERVICE_IN_ACTION: {
    trigger: { doc: policy(allow("s3x:GetObject")), span: q("s3x:GetObject"), fixed: policy(allow("s3:GetObject")) },
    clean: { doc: policy(allow("s3:GetObject")) },
  },
  RETIRED_SERVICE: {
    trigger: { doc: policy(allow("deepcomposer:ListModels")), span: q("deepcomposer:ListModels") },
    clean: { doc: policy(allow("s3:ListBucket")) },
  },
  INVALID_ACTION: {
    trigger: { doc: policy(allow("s3:GetObjekt")), span: q("s3:GetObjekt"), fixed: policy(allow("s3:GetObject")) },
    clean: { doc: policy(allow("s3:GetObject")) },
  },
  ACTION_CASE: {
    trigger: { doc: policy(allow("s3:getobject")), span: q("s3:getobject"), fixed: policy(allow("s3:GetObject")) },
    clean: { doc: policy(allow("s3:GetObject")) },
  },
  WILDCARD_MATCHES_NO_ACTION: {
    trigger: { doc: policy(allow("s3:Gett*")), span: q("s3:Gett*") },
    clean: { doc: policy(allow("s3:Get*")) },
  },
  REDUNDANT_ACTION: {
    trigger: { doc: policy(allow(["s3:*", "s3:GetObject"])), span: q("s3:GetObject"), fixed: policy(allow(["s3:*"])) },
    clean: { doc: policy(allow(["s3:GetObject", "s3:PutObject"])) },
  },
  INVALID_SERVICE: {
    trigger: { doc: policy(allow("s3:GetObject", "arn:aws:s3x:::b/k")), span: q("arn:aws:s3x:::b/k") },
    clean: { doc: policy(allow("s3:GetObject", "arn:aws:s3:::b/k")) },
  },
  INVALID_ARN_SERVICE_CASE: {
    trigger: {
      doc: policy(allow("s3:GetObject", "arn:aws:S3:::b/k")),
      span: q("arn:aws:S3:::b/k"),
      fixed: policy(allow("s3:GetObject", "arn:aws:s3:::b/k")),
    },
    clean: { doc: policy(allow("s3:GetObject", "arn:aws:s3:::b/k")) },
  },
  INVALID_ARN_ACCOUNT: {
    trigger: { doc: policy(allow("iam:GetUser", "arn:aws:iam::123:user/x")), span: q("arn:aws:iam::123:user/x") },
    clean: { doc: policy(allow("iam:GetUser", "arn:aws:iam::123456789012:user/x")) },
  },
  INVALID_ARN_REGION: {
    trigger: { doc: policy(allow("sqs:SendMessage", "arn:aws:sqs:mars-1:123456789012:q")), span: q("arn:aws:sqs:mars-1:123456789012:q") },
    clean: { doc: policy(allow("sqs:SendMessage", "arn:aws:sqs:eu-west-3:123456789012:q")) },
  },
  ARN_REGION_NOT_ALLOWED: {
    trigger: {
      doc: policy(allow("route53:GetHostedZone", "arn:aws:route53:us-east-1::hostedzone/Z1")),
      span: q("arn:aws:route53:us-east-1::hostedzone/Z1"),
    },
    clean: { doc: policy(allow("route53:GetHostedZone", "arn:aws:route53:::hostedzone/Z1")) },
  },
  ARN_ACCOUNT_NOT_ALLOWED: {
    trigger: {
      doc: policy(allow("route53:GetHostedZone", "arn:aws:route53::123456789012:hostedzone/Z1")),
      span: q("arn:aws:route53::123456789012:hostedzone/Z1"),
    },
    clean: { doc: policy(allow("route53:GetHostedZone", "arn:aws:route53:::hostedzone/Z1")) },
  },
  MISSING_ARN_REGION: {
    trigger: { doc: policy(allow("sqs:SendMessage", "arn:aws:sqs::123456789012:q")), span: q("arn:aws:sqs::123456789012:q") },
    clean: { doc: policy(allow("sqs:SendMessage", "arn:aws:sqs:*:123456789012:q")) },
  },
  MISSING_ARN_ACCOUNT: {
    trigger: { doc: policy(allow("sqs:SendMessage", "arn:aws:sqs:us-east-1::q")), span: q("arn:aws:sqs:us-east-1::q") },
    clean: { doc: policy(allow("sqs:SendMessage", "arn:aws:sqs:us-east-1:*:q")) },
  },
  INVALID_ARN_RESOURCE: {
    trigger: {
      doc: policy(allow("lambda:InvokeFunction", "arn:aws:lambda:us-east-1:123456789012:bogus:x")),
      span: q("arn:aws:lambda:us-east-1:123456789012:bogus:x"),
    },
    clean: { doc: policy(allow("lambda:InvokeFunction", "arn:aws:lambda:us-east-1:123456789012:function:f")) },
  },
  RESOURCE_MISMATCH: {
    trigger: { doc: policy(allow("s3:GetObject", "arn:aws:iam::123456789012:user/x")), span: q("arn:aws:iam::123456789012:user/x") },
    clean: { doc: policy(allow("s3:GetObject", "arn:aws:s3:::b/k")) },
  },
  ACTION_RESOURCE_MISMATCH: {
    trigger: { doc: policy(allow(["s3:GetObject", "s3:ListBucket"], "arn:aws:s3:::b/k")), span: q("s3:ListBucket") },
    clean: { doc: policy(allow(["s3:GetObject", "s3:ListBucket"], ["arn:aws:s3:::b", "arn:aws:s3:::b/k"])) },
  },
  REDUNDANT_RESOURCE: {
    trigger: {
      doc: policy(allow("s3:GetObject", ["arn:aws:s3:::b/*", "arn:aws:s3:::b/k"])),
      span: q("arn:aws:s3:::b/k"),
      fixed: policy(allow("s3:GetObject", ["arn:aws:s3:::b/*"])),
    },
    clean: { doc: policy(allow("s3:GetObject", ["arn:aws:s3:::b/*", "arn:aws:s3:::c/*"])) },
  },
  RESOURCE_STAR: { trigger: { doc: policy(allow("sns:Publish")), span: q("*") }, clean: { doc: policy(allow("s3:ListBucket")) } },
  INVALID_CONDITION_KEY_FORMAT: {
    trigger: { doc: when({ StringEquals: { SourceVpc: "vpc-1" } }), span: q("SourceVpc") },
    clean: { doc: when({ StringEquals: { "aws:SourceVpc": "vpc-1" } }) },
  },
  INVALID_GLOBAL_CONDITION_KEY: {
    trigger: {
      doc: when({ IpAddress: { "aws:SorceIp": "203.0.113.0/24" } }),
      span: q("aws:SorceIp"),
      fixed: when({ IpAddress: { "aws:SourceIp": "203.0.113.0/24" } }),
    },
    clean: { doc: when({ IpAddress: { "aws:SourceIp": "203.0.113.0/24" } }) },
  },
  INVALID_SERVICE_CONDITION_KEY: {
    trigger: { doc: when({ StringEquals: { "s3:bogus": "x" } }), span: q("s3:bogus") },
    clean: { doc: when({ StringEquals: { "s3:prefix": "x" } }) },
  },
  MISSING_TAG_KEY_IN_CONDITION: {
    trigger: { doc: when({ StringEquals: { "aws:RequestTag/": "x" } }), span: q("aws:RequestTag/") },
    clean: { doc: when({ StringEquals: { "aws:RequestTag/team": "x" } }) },
  },
  CONDITION_KEY_NOT_SUPPORTED_BY_ACTIONS: {
    trigger: {
      doc: when({ StringEquals: { "s3:prefix": "x" } }, "iam:PassRole", "arn:aws:iam::123456789012:role/r"),
      span: q("s3:prefix"),
    },
    clean: { doc: when({ StringEquals: { "s3:prefix": "x" } }) },
  },
  DUPLICATE_KEYS_WITH_DIFFERENT_CASE: {
    trigger: { doc: when({ StringEquals: { "aws:SourceVpc": "a", "aws:sourcevpc": "b" } }), span: q("aws:sourcevpc") },
    clean: { doc: when({ StringEquals: { "aws:SourceVpc": ["a", "b"] } }) },
  },
  TYPE_MISMATCH: {
    trigger: { doc: when({ StringEquals: { "aws:SourceIp": "203.0.113.1" } }), span: q("StringEquals") },
    clean: { doc: when({ IpAddress: { "aws:SourceIp": "203.0.113.1" } }) },
  },
  TYPE_MISMATCH_BOOLEAN: {
    trigger: { doc: when({ Bool: { "aws:SecureTransport": "yes" } }), span: q("yes") },
    clean: { doc: when({ Bool: { "aws:SecureTransport": "true" } }) },
  },
  TYPE_MISMATCH_NUMBER: {
    trigger: { doc: when({ NumericLessThan: { "aws:MultiFactorAuthAge": "ten" } }), span: q("ten") },
    clean: { doc: when({ NumericLessThan: { "aws:MultiFactorAuthAge": 3600 } }) },
  },
  TYPE_MISMATCH_IP_RANGE: {
    trigger: { doc: when({ IpAddress: { "aws:SourceIp": "not-an-ip" } }), span: q("not-an-ip") },
    clean: { doc: when({ IpAddress: { "aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32"] } }) },
  },
  INVALID_CONDITION_MULTIPLE_BOOLEAN: {
    trigger: { doc: when({ Bool: { "aws:SecureTransport": ["true", "false"] } }), span: '["true","false"]' },
    clean: { doc: when({ Bool: { "aws:SecureTransport": ["true"] } }) },
  },
  NULL_WITH_IF_EXISTS: {
    trigger: {
      doc: when({ NullIfExists: { "aws:TagKeys": "true" } }),
      span: q("NullIfExists"),
      fixed: when({ Null: { "aws:TagKeys": "true" } }),
    },
    clean: { doc: when({ Null: { "aws:TagKeys": "true" } }) },
  },
  NULL_WITH_QUALIFIER: {
    trigger: { doc: when({ "ForAnyValue:Null": { "aws:TagKeys": "true" } }), span: q("ForAnyValue:Null") },
    clean: { doc: when({ Null: { "aws:TagKeys": "true" } }) },
  },
  EQUIVALENT_TO_NULL_FALSE: {
    trigger: { doc: when({ StringLike: { "aws:PrincipalTag/team": "*" } }), span: q("StringLike") },
    clean: { doc: when({ StringLike: { "aws:PrincipalTag/team": "a*" } }) },
  },
  EQUIVALENT_TO_NULL_TRUE: {
    trigger: { doc: when({ StringNotLike: { "aws:PrincipalTag/team": "*" } }), span: q("StringNotLike") },
    clean: { doc: when({ StringNotLike: { "aws:PrincipalTag/team": "a*" } }) },
  },
  FORALLVALUES_WITH_SINGLE_VALUED_KEY: {
    trigger: { doc: when({ "ForAllValues:StringEquals": { "aws:SourceVpc": "vpc-1" } }), span: q("ForAllValues:StringEquals") },
    clean: { doc: when({ "ForAllValues:StringEquals": { "aws:TagKeys": "team" } }) },
  },
  FORANYVALUE_WITH_SINGLE_VALUED_KEY: {
    trigger: { doc: when({ "ForAnyValue:StringEquals": { "aws:SourceVpc": "vpc-1" } }), span: q("ForAnyValue:StringEquals") },
    clean: { doc: when({ "ForAnyValue:StringEquals": { "aws:TagKeys": "team" } }) },
  },
  MULTI_VALUED_KEY_WITHOUT_QUALIFIER: {
    trigger: { doc: when({ StringEquals: { "aws:TagKeys": "team" } }), span: q("StringEquals") },
    clean: { doc: when({ "ForAnyValue:StringEquals": { "aws:TagKeys": "team" } }) },
  },
  FORALLVALUES_WITH_ALLOW: {
    trigger: {
      doc: when({ "ForAllValues:StringEquals": { "aws:TagKeys": "team" } }),
      span: q("ForAllValues:StringEquals"),
      fixed: when({ Null: { "aws:TagKeys": "false" }, "ForAllValues:StringEquals": { "aws:TagKeys": "team" } }),
    },
    clean: { doc: when({ "ForAllValues:StringEquals": { "aws:TagKeys": "team" }, Null: { "aws:TagKeys": "false" } }) },
  },
  WILDCARD_WITHOUT_LIKE_OPERATOR: {
    trigger: {
      doc: when({ StringEquals: { "aws:PrincipalTag/team": "a*" } }),
      span: q("a*"),
      fixed: when({ StringLike: { "aws:PrincipalTag/team": "a*" } }),
    },
    clean: { doc: when({ StringLike: { "aws:PrincipalTag/team": "a*" } }) },
  },
  PRIVATE_IP_ADDRESS: {
    trigger: { doc: when({ IpAddress: { "aws:SourceIp": "10.0.0.0/8" } }), span: q("10.0.0.0/8") },
    clean: { doc: when({ IpAddress: { "aws:SourceIp": "203.0.113.0/24" } }) },
  },
  PRIVATE_NOT_IP_ADDRESS: {
    trigger: { doc: when({ NotIpAddress: { "aws:SourceIp": "192.168.0.0/16" } }), span: q("192.168.0.0/16") },
    clean: { doc: when({ NotIpAddress: { "aws:SourceIp": "203.0.113.0/24" } }) },
  },
  WILDCARD_ADMIN: { trigger: { doc: policy(allow("*")), span: q("*") }, clean: { doc: policy(allow("s3:*")) } },
  PASS_ROLE_WITH_STAR_IN_RESOURCE: {
    trigger: { doc: policy(allow("iam:PassRole")), span: q("iam:PassRole") },
    clean: { doc: policy(allow("iam:PassRole", "arn:aws:iam::123456789012:role/r")) },
  },
  PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE: {
    trigger: { doc: policy(allow("iam:Pass*")), span: q("iam:Pass*") },
    clean: { doc: policy(allow("iam:Get*")) },
  },
  PASS_ROLE_WITH_NOT_RESOURCE: {
    trigger: {
      doc: policy({ Effect: "Allow", Action: "iam:PassRole", NotResource: "arn:aws:iam::123456789012:role/admin" }),
      span: q("iam:PassRole"),
    },
    clean: { doc: policy(allow("iam:PassRole", "arn:aws:iam::123456789012:role/r")) },
  },
  ALLOW_WITH_NOT_ACTION: {
    trigger: { doc: policy({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }), span: q("NotAction") },
    clean: { doc: policy({ Effect: "Deny", NotAction: "iam:*", Resource: "*" }) },
  },
  ALLOW_WITH_NOT_RESOURCE: {
    trigger: { doc: policy({ Effect: "Allow", Action: "s3:GetObject", NotResource: "arn:aws:s3:::b/*" }), span: q("NotResource") },
    clean: { doc: policy({ Effect: "Deny", Action: "s3:GetObject", NotResource: "arn:aws:s3:::b/*" }) },
  },
  CREATE_SLR_WITH_STAR_IN_RESOURCE: {
    trigger: { doc: policy(allow("iam:CreateServiceLinkedRole")), span: q("iam:CreateServiceLinkedRole") },
    clean: { doc: policy(allow("iam:CreateServiceLinkedRole", "arn:aws:iam::*:role/aws-service-role/ecs.amazonaws.com/*")) },
  },
  PRIVILEGE_ESCALATION: {
    trigger: { doc: policy(allow("iam:AttachUserPolicy")), span: q("iam:AttachUserPolicy") },
    clean: { doc: policy(allow("iam:AttachUserPolicy", "arn:aws:iam::123456789012:user/x")) },
  },
  CREDENTIALS_EXPOSURE: {
    trigger: { doc: policy(allow("ecr:GetAuthorizationToken")), span: q("ecr:GetAuthorizationToken") },
    clean: { doc: policy(allow("ecr:DescribeRepositories")) },
  },
  PERMISSIONS_MANAGEMENT_ACTIONS: {
    trigger: { doc: policy(allow("iam:CreatePolicy")), span: q("iam:CreatePolicy") },
    clean: { doc: policy(allow("iam:GetPolicy")) },
  },
  TRUST_ANY_PRINCIPAL: { trigger: { ...T, doc: trust({ AWS: "*" }), span: q("*") }, clean: { ...T, doc: trust({ AWS: "123456789012" }) } },
  TRUST_ANY_ACCOUNT: {
    trigger: { ...T, doc: trust({ AWS: "*" }, { Bool: { "aws:SecureTransport": "true" } }), span: q("*") },
    clean: { ...T, doc: trust({ AWS: "*" }, { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } }) },
  },
  MISSING_EXTERNAL_ID: {
    trigger: {
      ...T,
      options: { accountId: "123456789012" },
      doc: trust({ AWS: "arn:aws:iam::111122223333:root" }),
      span: q("arn:aws:iam::111122223333:root"),
    },
    clean: {
      ...T,
      options: { accountId: "123456789012" },
      doc: trust({ AWS: "arn:aws:iam::111122223333:root" }, { StringEquals: { "sts:ExternalId": "x" } }),
    },
  },
  MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL: {
    trigger: {
      ...T,
      doc: trust({ Federated: "accounts.google.com" }, undefined, "sts:AssumeRoleWithWebIdentity"),
      span: q("accounts.google.com"),
    },
    clean: {
      ...T,
      doc: trust(
        { Federated: "accounts.google.com" },
        { StringEquals: { "accounts.google.com:aud": "app" } },
        "sts:AssumeRoleWithWebIdentity",
      ),
    },
  },
  MISSING_GITHUB_REPO_CONDITION_KEY: {
    trigger: {
      ...T,
      doc: trust(
        { Federated: OIDC },
        { StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } },
        "sts:AssumeRoleWithWebIdentity",
      ),
      span: q(OIDC),
    },
    clean: {
      ...T,
      doc: trust(
        { Federated: OIDC },
        { StringLike: { "token.actions.githubusercontent.com:sub": "repo:me/app:*" } },
        "sts:AssumeRoleWithWebIdentity",
      ),
    },
  },
  TRUST_ACTION_PRINCIPAL_MISMATCH: {
    trigger: { ...T, doc: trust({ Federated: SAML }), span: q("Action") },
    clean: { ...T, doc: trust({ Federated: SAML }, undefined, "sts:AssumeRoleWithSAML") },
  },
  MISSING_VERSION: {
    trigger: { doc: { Statement: [allow("s3:ListBucket")] }, span: "{", fixed: policy(allow("s3:ListBucket")) },
    clean: { doc: policy(allow("s3:ListBucket")) },
  },
  OLD_VERSION: {
    trigger: {
      doc: { Version: "2008-10-17", Statement: [allow("s3:ListBucket")] },
      span: q("2008-10-17"),
      fixed: policy(allow("s3:ListBucket")),
    },
    clean: { doc: policy(allow("s3:ListBucket")) },
  },
  VARIABLE_UNSUPPORTED_IN_VERSION: {
    trigger: {
      doc: { Version: "2008-10-17", Statement: [allow("s3:GetObject", "arn:aws:s3:::b/${aws:username}/*")] },
      span: q("arn:aws:s3:::b/${aws:username}/*"),
    },
    clean: { doc: policy(allow("s3:GetObject", "arn:aws:s3:::b/${aws:username}/*")) },
  },
  MISSING_BRACE_IN_VARIABLE: {
    trigger: { doc: policy(allow("s3:GetObject", "arn:aws:s3:::b/${aws:username")), span: q("arn:aws:s3:::b/${aws:username") },
    clean: { doc: policy(allow("s3:GetObject", "arn:aws:s3:::b/${aws:username}")) },
  },
  EMPTY_VARIABLE: {
    trigger: { doc: policy(allow("s3:GetObject", "arn:aws:s3:::b/${}/*")), span: q("arn:aws:s3:::b/${}/*") },
    clean: { doc: policy(allow("s3:GetObject", "arn:aws:s3:::b/${aws:userid}/*")) },
  },
  UNSUPPORTED_SPACE_IN_VARIABLE: {
    trigger: { doc: policy(allow("s3:GetObject", "arn:aws:s3:::b/${ aws:username}/*")), span: q("arn:aws:s3:::b/${ aws:username}/*") },
    clean: { doc: policy(allow("s3:GetObject", "arn:aws:s3:::b/${aws:username}/*")) },
  },
  REDUNDANT_STATEMENT: {
    trigger: {
      doc: policy(allow("s3:ListBucket", "arn:aws:s3:::b"), { Sid: "Again", ...allow("s3:ListBucket", "arn:aws:s3:::b") }),
      span: JSON.stringify({ Sid: "Again", ...allow("s3:ListBucket", "arn:aws:s3:::b") }),
      fixed: policy(allow("s3:ListBucket", "arn:aws:s3:::b")),
    },
    clean: { doc: policy(allow("s3:ListBucket", "arn:aws:s3:::b"), allow("s3:ListBucket", "arn:aws:s3:::c")) },
  },
  EMPTY_ARRAY_ACTION: {
    trigger: {
      kind: "resource",
      doc: policy({ Effect: "Allow", Principal: { AWS: "123456789012" }, Action: [], Resource: "*" }),
      span: "[]",
    },
    clean: {
      kind: "resource",
      doc: policy({ Effect: "Allow", Principal: { AWS: "123456789012" }, Action: ["s3:GetObject"], Resource: "*" }),
    },
  },
  EMPTY_ARRAY_NOT_ACTION: {
    trigger: {
      kind: "resource",
      doc: policy({ Effect: "Deny", Principal: { AWS: "123456789012" }, NotAction: [], Resource: "*" }),
      span: "[]",
    },
    clean: {
      kind: "resource",
      doc: policy({ Effect: "Deny", Principal: { AWS: "123456789012" }, NotAction: ["s3:GetObject"], Resource: "*" }),
    },
  },
  EMPTY_ARRAY_RESOURCE: {
    trigger: { kind: "scp", doc: policy({ Effect: "Deny", Action: "s3:*", Resource: [] }), span: "[]" },
    clean: { kind: "scp", doc: policy({ Effect: "Deny", Action: "s3:*", Resource: ["*"] }) },
  },
  EMPTY_ARRAY_NOT_RESOURCE: {
    trigger: { kind: "scp", doc: policy({ Effect: "Deny", Action: "s3:*", NotResource: [] }), span: "[]" },
    clean: { kind: "scp", doc: policy({ Effect: "Deny", Action: "s3:*", NotResource: ["arn:aws:s3:::b"] }) },
  },
  EMPTY_ARRAY_PRINCIPAL: { trigger: { ...T, doc: trust({ AWS: [] }), span: "[]" }, clean: { ...T, doc: trust({ AWS: ["123456789012"] }) } },
  EMPTY_OBJECT_PRINCIPAL: {
    trigger: { ...T, doc: trust({}), span: q("Principal") },
    clean: { ...T, doc: trust({ Service: "ec2.amazonaws.com" }) },
  },
  EMPTY_ARRAY_CONDITION: {
    trigger: { doc: when({ StringEquals: { "aws:SourceVpc": [] } }), span: "[]" },
    clean: { doc: when({ StringEquals: { "aws:SourceVpc": ["vpc-1"] } }) },
  },
  EMPTY_OBJECT_CONDITION: {
    trigger: { doc: when({}), span: "{}", fixed: policy(allow("s3:ListBucket", "arn:aws:s3:::b")) },
    clean: { doc: when({ Bool: { "aws:SecureTransport": "true" } }) },
  },
  EMPTY_SID_VALUE: {
    trigger: {
      doc: policy({ Sid: "", ...allow("s3:ListBucket", "arn:aws:s3:::b") }),
      span: '""',
      fixed: policy(allow("s3:ListBucket", "arn:aws:s3:::b")),
    },
    clean: { doc: policy({ Sid: "List", ...allow("s3:ListBucket", "arn:aws:s3:::b") }) },
  },
  POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA: {
    trigger: { doc: policy(allow("s3:GetObject", buckets(200))) },
    clean: { doc: policy(allow("s3:GetObject", buckets(150))) },
  },
  POLICY_SIZE_EXCEEDS_TRUST_POLICY_QUOTA: {
    trigger: { ...T, doc: trust({ AWS: accounts(140) }) },
    clean: { ...T, doc: trust({ AWS: accounts(100) }) },
  },
  POLICY_SIZE_EXCEEDS_ORGANIZATIONS_POLICY_QUOTA: {
    trigger: { kind: "scp", doc: policy({ Effect: "Deny", Action: "s3:*", Resource: buckets(160) }) },
    clean: { kind: "scp", doc: policy({ Effect: "Deny", Action: "s3:*", Resource: buckets(140) }) },
  },
};
