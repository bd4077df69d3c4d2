import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { validatePolicy, SCP_MALFORMED_MESSAGE } from "../../lib/policy/validate";
import type { PolicyKind, ValidateOptions } from "../../lib/policy/types";

const V = "2012-10-17";
const text = (doc: unknown) => (typeof doc === "string" ? doc : JSON.stringify(doc));
const first = (doc: unknown, kind: PolicyKind = "identity", options: ValidateOptions = {}) =>
  validatePolicy(text(doc), kind, options)[0]?.message;
const stmt = (s: Record<string, unknown>) => ({ Version: V, Statement: s });
const allow = (extra: Record<string, unknown>) =>
  stmt({ Effect: "Allow", Action: "s3:ListBucket", Resource: "arn:aws:s3:::example_bucket", ...extra });

const SYNTAX = "Syntax errors in policy.";
const LEGACY = "The policy failed legacy parsing";

function expectAll(cases: [string, unknown, string][], kind: PolicyKind = "identity", options: ValidateOptions = {}) {
  for (const [name, doc, message] of cases) it(name, () => assert.equal(first(doc, kind, options), message));
}

describe("validatePolicy: permissions policies (IAM's messages, in IAM's order)", () => {
  describe("JSON syntax", () => {
    expectAll([
      ["rejects text that is not JSON", "This is not a json document", SYNTAX],
      ["rejects a trailing comma", '{"Version":"2012-10-17","Statement":[],}', SYNTAX],
      ["rejects JSON null (the CLI's --policy-document null)", "null", SYNTAX],
      ["rejects a top-level array", "[]", SYNTAX],
    ]);
    it("points at where the JSON breaks", () => {
      const [f] = validatePolicy('{"Version": "2012-10-17",\n "Statement": [}', "identity");
      assert.deepEqual(f.span, { start: 41, end: 41 });
      assert.equal(f.detail, "Unexpected character '}'");
    });
  });

  describe("document structure", () => {
    expectAll([
      ["requires a Statement", { Version: V }, SYNTAX],
      ["rejects an empty Statement list", { Version: V, Statement: [] }, SYNTAX],
      ["rejects a statement that is not an object", { Version: V, Statement: ["afd"] }, SYNTAX],
      ["rejects an unknown top-level key", { ...allow({}), "Extra field": "value" }, SYNTAX],
      ["rejects an unknown statement key", allow({ "Extra field": "value" }), SYNTAX],
      ["rejects a lowercase element name", stmt({ effect: "Allow", Action: "s3:ListBucket", Resource: "*" }), SYNTAX],
      ["rejects an Id that is a list", { ...allow({}), Id: ["cd3a324d2343d942772346-34234234423404-4c2242343242349d1642ee"] }, SYNTAX],
      ["rejects an Id that is an object", { ...allow({}), Id: {} }, SYNTAX],
      ["rejects a Resource that is an object", allow({ Resource: { a: "arn:aws:s3:::example_bucket" } }), SYNTAX],
      ["rejects a Resource list holding an object", allow({ Effect: "Deny", Resource: ["adfdf", {}] }), SYNTAX],
      ["rejects both Resource and NotResource", allow({ NotResource: [] }), SYNTAX],
      ["rejects both Action and NotAction", allow({ NotAction: "s3s:ListBucket", Action: [] }), SYNTAX],
      ["rejects a nested Action list", allow({ Effect: "Deny", Action: [[]] }), SYNTAX],
      ["rejects an Action that is an object", allow({ Action: {} }), SYNTAX],
      ["rejects a Sid that is an object", allow({ Sid: {} }), SYNTAX],
      ["rejects a Sid that is a list", allow({ Sid: [] }), SYNTAX],
    ]);
    it("reports every structural problem, each with its path", () => {
      const findings = validatePolicy(text({ Version: V, Statement: [{ Effect: "Allow", Foo: 1, Action: {} }] }), "identity");
      assert.deepEqual(
        findings.map((f) => [f.message, f.path]),
        [
          [SYNTAX, "Statement[0].Foo"],
          [SYNTAX, "Statement[0].Action"],
        ],
      );
    });
  });

  describe("Version", () => {
    const VERSION = "Policy document must be version 2012-10-17 or greater.";
    const noVersion = { Statement: { Effect: "Allow", Action: "s3:ListBucket", Resource: "arn:aws:s3:::example_bucket" } };
    it("rejects an unknown version string as a syntax error", () => assert.equal(first({ ...noVersion, Version: "2013-10-17" }), SYNTAX));
    it("requires 2012-10-17 for a managed policy when Version is missing", () =>
      assert.equal(first(noVersion, "identity", { managed: true }), VERSION));
    it("requires 2012-10-17 for a managed policy that says 2008-10-17", () => {
      assert.equal(first({ ...noVersion, Version: "2008-10-17" }, "identity", { managed: true }), VERSION);
    });
    it("accepts an inline policy without Version or with 2008-10-17", () => {
      assert.deepEqual(validatePolicy(text(noVersion), "identity"), []);
      assert.deepEqual(validatePolicy(text({ ...noVersion, Version: "2008-10-17" }), "identity"), []);
    });
    it("reports the version before legacy parsing and duplicate Sids", () => {
      const doc = {
        Statement: [
          { Sid: "sdf", Effect: "Allow", Action: "s3:ListBucket", Resource: "arn:aws:s3:::b" },
          { Sid: "sdf", Effect: "Allow" },
        ],
      };
      assert.equal(first(doc, "identity", { managed: true }), VERSION);
      assert.equal(
        first({ Statement: { Effect: "denY", Action: "s3:ListBucket", Resource: "arn:aws:s3:::b" } }, "identity", { managed: true }),
        VERSION,
      );
    });
  });

  describe("Effect", () => {
    expectAll([
      ["rejects an effect that is neither Allow nor Deny", allow({ Effect: "invalid" }), SYNTAX],
      ["requires an Effect", stmt({ Action: "s3:ListBucket", Resource: "arn:aws:s3:::example_bucket" }), SYNTAX],
      ["fails legacy parsing for a miscased effect", allow({ Effect: "denY" }), LEGACY],
      [
        "fails legacy parsing for a miscased effect before a duplicate Sid",
        {
          Version: V,
          Statement: [
            { Sid: "sdf", Effect: "aLLow", Action: "s3:ListBucket", Resource: "arn:aws:s3:::b" },
            { Sid: "sdf", Effect: "Allow" },
          ],
        },
        LEGACY,
      ],
      [
        "fails legacy parsing for a miscased effect before a missing action",
        stmt({ Effect: "allow", Resource: "arn:aws:s3:us-east-1::example_bucket" }),
        LEGACY,
      ],
    ]);
  });

  describe("Sid", () => {
    expectAll([
      [
        "requires unique Sids",
        {
          Version: V,
          Statement: [
            { Sid: "sdf", Effect: "Allow", Action: "s3:ListBucket", Resource: "arn:aws:s3:::b" },
            { Sid: "sdf", Effect: "Allow" },
          ],
        },
        "Statement IDs (SID) in a single policy must be unique.",
      ],
      [
        "requires alphanumeric Sids (an Atomic Red Team CreatePolicy seen in CloudTrail)",
        {
          Version: V,
          Statement: [{ Sid: "Atomic_Red_Team", Effect: "Allow", Action: "iam:CreatePolicyVersion", Resource: "arn:aws:iam::*:policy/*" }],
        },
        "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*",
      ],
    ]);
    it("allows empty and repeated empty Sids", () => {
      const s = { Sid: "", Effect: "Allow", Action: "s3:ListBucket", Resource: "*" };
      assert.deepEqual(validatePolicy(text({ Version: V, Statement: [s, s] }), "identity"), []);
    });
  });

  describe("actions", () => {
    const ACTIONS = "Policy statement must contain actions.";
    const VENDOR = "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.";
    expectAll([
      ["requires Action or NotAction", stmt({ Effect: "Allow", Resource: "arn:aws:s3:::example_bucket" }), ACTIONS],
      ["reports missing actions before missing resources", stmt({ Effect: "Allow" }), ACTIONS],
      ["rejects an empty Action list", allow({ Action: [] }), ACTIONS],
      ["checks every statement for actions", { Version: V, Statement: [{ Effect: "Deny" }, allow({}).Statement] }, ACTIONS],
      ["requires a vendor prefix", allow({ Action: "invalid" }), VENDOR],
      ["requires a vendor prefix on NotAction", allow({ Action: undefined, NotAction: "" }), VENDOR],
      ["reports the vendor prefix even when resources are missing", stmt({ Effect: "Allow", Action: "invalid" }), VENDOR],
      ["rejects a vendor with a space", allow({ Action: "a a:ListBucket" }), "Vendor a a is not valid"],
      ["rejects two colons", allow({ Action: "s3:List:Bucket" }), "Actions/Condition can contain only one colon."],
      [
        "checks later statements' actions too",
        {
          Version: V,
          Statement: [
            { Effect: "Allow", Action: "s3s:ListBucket", Resource: "arn:aws:s3:::example_bucket" },
            { Effect: "Allow", Action: "s:3s:ListBucket", Resource: "arn:aws:s3:::example_bucket" },
          ],
        },
        "Actions/Condition can contain only one colon.",
      ],
    ]);
    it("accepts any action name after a valid vendor, and a bare *", () => {
      assert.deepEqual(validatePolicy(text(allow({ Action: "iam: asdf safdsf af " })), "identity"), []);
      assert.deepEqual(validatePolicy(text(allow({ Action: "*" })), "identity"), []);
      assert.deepEqual(validatePolicy(text(allow({ Action: "service-prefix:action-name" })), "identity"), []);
    });
  });

  describe("resources", () => {
    const RESOURCES = "Policy statement must contain resources.";
    expectAll([
      ["requires Resource or NotResource", stmt({ Effect: "Allow", Action: "s3:ListBucket" }), RESOURCES],
      ["rejects an empty Resource list", allow({ Resource: [] }), RESOURCES],
      ["requires an ARN", allow({ Resource: "invalid resource" }), 'Resource invalid resource must be in ARN format or "*".'],
      [
        "requires an ARN (an ECR registry URI seen in CloudTrail)",
        allow({ Resource: "174313347505.dkr.ecr.us-west-2.amazonaws.com/mhart-experimental" }),
        'Resource 174313347505.dkr.ecr.us-west-2.amazonaws.com/mhart-experimental must be in ARN format or "*".',
      ],
      ["rejects an empty resource", allow({ Resource: "" }), 'Resource  must be in ARN format or "*".'],
      ["rejects a non-ARN inside a list", allow({ Resource: ["adf"] }), 'Resource adf must be in ARN format or "*".'],
      [
        "reports the ARN after the vendor-less action is found",
        allow({ Action: "s:3:ListBucket", Resource: "sdfsadf" }),
        'Resource sdfsadf must be in ARN format or "*".',
      ],
      [
        "rejects an unknown partition",
        allow({ NotAction: "s3s:ListBucket", Action: undefined, Resource: "a:bsdfdsafsad" }),
        'Partition "bsdfdsafsad" is not valid for resource "arn:bsdfdsafsad:*:*:*:*".',
      ],
      [
        "rejects an unknown partition, filling missing parts with *",
        allow({ Resource: "a:b:cadfsdf" }),
        'Partition "b" is not valid for resource "arn:b:cadfsdf:*:*:*".',
      ],
      [
        "rejects an unknown partition, keeping extra parts",
        allow({ Resource: "a:b:c:d:e:f:g:h" }),
        'Partition "b" is not valid for resource "arn:b:c:d:e:f:g:h".',
      ],
      [
        "rejects an ARN missing its arn: prefix",
        allow({ Resource: "aws:s3:::example_bucket" }),
        'Partition "s3" is not valid for resource "arn:s3:::example_bucket:*".',
      ],
      [
        "reports the first offending ARN in sorted order",
        allow({ Resource: ["arn:error:s3::example_bucket", "arn:error:s3:::example_bucket"] }),
        'Partition "error" is not valid for resource "arn:error:s3:::example_bucket".',
      ],
      ["requires a service", allow({ Resource: "arn:aws" }), "Resource vendor must be fully qualified and cannot contain regexes."],
      [
        "rejects a region in an IAM ARN",
        allow({ Resource: "arn:aws:iam:us-east-1::example_bucket" }),
        "IAM resource arn:aws:iam:us-east-1::example_bucket cannot contain region information.",
      ],
      [
        "rejects a region in an S3 ARN",
        allow({ Resource: "arn:aws:s3:us-east-1::example_bucket" }),
        "Resource arn:aws:s3:us-east-1::example_bucket can not contain region information.",
      ],
      [
        "rejects an IAM resource type IAM does not have",
        allow({ Resource: "arn:aws:iam:::example_bucket" }),
        'IAM resource path must either be "*", root, or start with user/, federated-user/, role/, group/, instance-profile/, mfa/, ' +
          "server-certificate/, policy/, sms-mfa/, saml-provider/, oidc-provider/, report/, access-report/.",
      ],
      ["fails legacy parsing for an ARN with too few parts", allow({ Resource: "arn:aws:s3::example_bucket" }), LEGACY],
      ["fails legacy parsing before reporting missing actions", stmt({ Effect: "Allow", Resource: "arn:aws:s3::example_bucket" }), LEGACY],
      ["fails legacy parsing for a NotResource", allow({ Resource: undefined, NotResource: "arn:aws:s3::example_bucket" }), LEGACY],
      ["fails legacy parsing for an empty service", allow({ Resource: "arn:aws::fdsasf" }), LEGACY],
      ["fails legacy parsing for an empty service with enough parts", allow({ Resource: "arn:aws::::example_bucket" }), LEGACY],
    ]);
    it("skips legacy parsing once an ARN format error is found", () => {
      const doc = {
        Version: V,
        Statement: [allow({ Resource: "nope" }).Statement, allow({ Resource: "arn:aws:s3::example_bucket" }).Statement],
      };
      assert.equal(first(doc), 'Resource nope must be in ARN format or "*".');
    });
    for (const resource of [
      "*",
      "arn:aws:s3:::example_bucket",
      "arn:aws:iam:::user/example_bucket",
      "arn:aws:s33:::example_bucket",
      "arn:aws:fdsasf",
      "arn:aws:cloudwatch:us-east-1::example_bucket",
      "arn:aws:invalid-service:us-east-1::example_bucket",
      "arn:aws:iam::123456789012:root",
      "arn:aws:iam::*:policy/*",
      "arn:aws:s3:us-east-1:123456789012:accesspoint/ap",
      "arn:*:s3:::b",
      "arn:aws-cn:s3:::b",
    ]) {
      it(`accepts ${resource}`, () => assert.deepEqual(validatePolicy(text(allow({ Resource: [resource, "*"] })), "identity"), []));
    }
  });

  describe("Principal", () => {
    const PRINCIPAL = "Policy document should not specify a principal.";
    expectAll([
      ["rejects a Principal in a permissions policy", allow({ Principal: "*" }), PRINCIPAL],
      [
        "rejects a NotPrincipal in a permissions policy",
        allow({ Effect: "Deny", NotPrincipal: { AWS: "arn:aws:iam::123456789012:root" } }),
        PRINCIPAL,
      ],
      [
        "rejects a Principal in a policy that would otherwise be a valid trust policy",
        stmt({
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::123456789012:root", Service: "ec2.amazonaws.com" },
          Action: "sts:AssumeRole",
        }),
        PRINCIPAL,
      ],
    ]);
  });

  describe("Condition", () => {
    expectAll([
      ["rejects a Condition list", allow({ Condition: [] }), SYNTAX],
      ["rejects a Condition string", allow({ Condition: "a" }), SYNTAX],
      ["rejects an operator whose value is not an object", allow({ Condition: { a: "b" } }), SYNTAX],
      ["rejects a known operator whose value is a string", allow({ Condition: { DateGreaterThan: "b" } }), SYNTAX],
      ["rejects a known operator whose value is a list", allow({ Condition: { DateGreaterThan: [] } }), SYNTAX],
      ["rejects a condition value that is an object", allow({ Condition: { DateGreaterThan: { a: {} } } }), SYNTAX],
      ["rejects an unknown operator with keys", allow({ Condition: { x: { a: "1" } } }), SYNTAX],
      ["rejects a malformed set qualifier", allow({ Condition: { "ForAnyValue::StringEqualsIfExists": { a: "asf" } } }), SYNTAX],
      [
        "rejects a list of condition blocks",
        allow({ Condition: [{ "ForAllValues:StringEquals": { "aws:TagKeys": "Department" } }] }),
        SYNTAX,
      ],
      ["rejects a null condition value", allow({ Condition: { Null: { "aws:TokenIssueTime": null } } }), SYNTAX],
      ["fails legacy parsing for a date that is not a date", allow({ Condition: { DateGreaterThan: { a: "sdfdsf" } } }), LEGACY],
      ["fails legacy parsing for month 13", allow({ Condition: { DateLessThanEquals: { a: "234-13" } } }), LEGACY],
      [
        "fails legacy parsing for a one-digit zone hour",
        allow({ Condition: { DateLessThanEquals: { a: "2016-12-13t2:00:00.593194+1" } } }),
        LEGACY,
      ],
      [
        "fails legacy parsing for ten fraction digits",
        allow({ Condition: { DateLessThanEquals: { a: "2016-12-13t2:00:00.1999999999+10:59" } } }),
        LEGACY,
      ],
      ["fails legacy parsing for an epoch past 2^63-1", allow({ Condition: { DateLessThan: { a: "9223372036854775808" } } }), LEGACY],
      [
        "fails legacy parsing for dates before ARN format errors",
        allow({ Resource: "arn:error:s3:::example_bucket", Condition: { DateGreaterThan: { a: "sdfdsf" } } }),
        LEGACY,
      ],
    ]);
    for (const [name, condition] of [
      ["an empty block", {}],
      [
        "a date window (AWS's aws:CurrentTime example)",
        { DateGreaterThan: { "aws:CurrentTime": "2017-07-01T00:00:00Z" }, DateLessThan: { "aws:CurrentTime": "2017-12-31T23:59:59Z" } },
      ],
      ["an empty operator", { DateGreaterThan: {} }],
      ["an empty value list", { DateGreaterThan: { a: [] } }],
      ["an unknown operator with no keys", { a: {} }],
      ["ForAllValues and IfExists", { "ForAllValues:StringEqualsIfExists": { "aws:TagKeys": ["Department", "Team"] } }],
      ["boolean and number values", { Bool: { "aws:MultiFactorAuthPresent": true }, NumericLessThan: { "aws:MultiFactorAuthAge": 3600 } }],
      ["an epoch date", { DateGreaterThan: { "aws:EpochTime": "1514764800" } }],
    ] as const) {
      it(`accepts ${name}`, () => assert.deepEqual(validatePolicy(text(allow({ Condition: condition })), "identity"), []));
    }
  });

  it("accepts AWS's documented examples", () => {
    const docs = [
      { Version: V, Statement: { Effect: "Allow", Action: "s3:ListBucket", Resource: ["arn:aws:s3:::example_bucket"] } },
      {
        Version: V,
        Statement: [
          {
            Sid: "AllowViewAccountInfo",
            Effect: "Allow",
            Action: ["iam:GetAccountPasswordPolicy", "iam:ListVirtualMFADevices"],
            Resource: "*",
          },
          {
            Sid: "AllowManageOwnPasswords",
            Effect: "Allow",
            Action: ["iam:ChangePassword", "iam:GetUser"],
            Resource: "arn:aws:iam::*:user/${aws:username}",
          },
          {
            Sid: "DenyAllExceptListedIfNoMFA",
            Effect: "Deny",
            NotAction: ["iam:CreateVirtualMFADevice", "sts:GetSessionToken"],
            Resource: "*",
            Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } },
          },
        ],
      },
      { Version: V, Statement: [{ Effect: "Deny", NotAction: "iam:*", NotResource: ["arn:aws:iam::123456789012:role/Admin"] }] },
    ];
    for (const doc of docs) assert.deepEqual(validatePolicy(text(doc), "identity", { managed: true }), []);
  });
});

describe("validatePolicy: service control policies", () => {
  it("words every grammar failure as Organizations does, keeping the rule in detail", () => {
    const [f] = validatePolicy(text(stmt({ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*" })), "scp");
    assert.equal(f.message, SCP_MALFORMED_MESSAGE);
    assert.equal(f.detail, "Policy document should not specify a principal.");
    assert.equal(validatePolicy("{", "scp")[0].message, SCP_MALFORMED_MESSAGE);
  });
  it("accepts the FullAWSAccess policy and a Deny with conditions", () => {
    assert.deepEqual(validatePolicy(text(stmt({ Effect: "Allow", Action: "*", Resource: "*" })), "scp"), []);
    const deny = stmt({
      Effect: "Deny",
      NotAction: ["iam:*", "sts:*"],
      Resource: "*",
      Condition: { StringNotEquals: { "aws:RequestedRegion": ["eu-west-1"] } },
    });
    assert.deepEqual(validatePolicy(text(deny), "scp"), []);
  });
});

describe("validatePolicy: finding positions", () => {
  it("gives each finding the span of the offending value", () => {
    const doc = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "invalid", "Resource": "*"}\n  ]\n}';
    const [f] = validatePolicy(doc, "identity");
    assert.equal(f.path, "Statement[0].Action");
    assert.equal(doc.slice(f.span!.start, f.span!.end), '"invalid"');
  });
});
