import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { validatePolicy } from "../../lib/policy/validate";
import type { PolicyKind, ValidateOptions } from "../../lib/policy/types";

const V = "2012-10-17";
const text = (doc: unknown) => JSON.stringify(doc);
const first = (doc: unknown, kind: PolicyKind, options: ValidateOptions = {}) =>
  validatePolicy(typeof doc === "string" ? doc : text(doc), kind, options)[0]?.message;
const stmt = (s: Record<string, unknown>) => ({ Version: V, Statement: s });
const SYNTAX = "Syntax errors in policy.";

function expectAll(cases: [string, unknown, string][], kind: PolicyKind) {
  for (const [name, doc, message] of cases) it(name, () => assert.equal(first(doc, kind), message));
}

describe("validatePolicy: role trust policies", () => {
  const trust = (s: Record<string, unknown>) =>
    stmt({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole", ...s });
  const T = "trust" as const;
  expectAll(
    [
      [
        "rejects invalid JSON with the trust wording",
        '{"Version":"2012-10-17","Statement":[{"Action":"sts:AssumeRole","Principal":"*","Effect":"Allow",}]}',
        "This policy contains invalid Json",
      ],
      ["rejects a Resource", trust({ Resource: "*" }), "Has prohibited field Resource"],
      [
        "rejects actions outside STS AssumeRole",
        trust({ Action: ["sts:AssumeRole", "s3:GetObject"] }),
        "AssumeRole policy may only specify STS AssumeRole actions.",
      ],
      [
        "rejects other STS actions",
        trust({ Action: "sts:GetCallerIdentity" }),
        "AssumeRole policy may only specify STS AssumeRole actions.",
      ],
      ["rejects Principal *", trust({ Principal: "*" }), 'AssumeRolepolicy contained an invalid principal: "STAR":"*".'],
      [
        "rejects a group as principal",
        trust({ Principal: { AWS: "arn:aws:iam::123456789012:group/exampleGroup" } }),
        'Invalid principal in policy: "AWS":"arn:aws:iam::123456789012:group/exampleGroup"',
      ],
      ["rejects an empty service principal", trust({ Principal: { Service: "" } }), 'Invalid principal in policy: "SERVICE":""'],
      [
        "rejects a service principal that is not a service",
        trust({ Principal: { Service: "lambda" } }),
        'Invalid principal in policy: "SERVICE":"lambda"',
      ],
      [
        "rejects a statement with no principals",
        trust({ Principal: { AWS: [] } }),
        "Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!",
      ],
      ["requires a Principal", trust({ Principal: undefined }), "Missing required field Principal"],
      [
        "rejects a NotPrincipal",
        trust({ Principal: undefined, Effect: "Deny", NotPrincipal: { AWS: "123456789012" } }),
        "Has prohibited field NotPrincipal",
      ],
      ["requires an Action", trust({ Action: undefined }), "Missing required field Action"],
      ["rejects an unknown principal type", trust({ Principal: { Foo: "bar" } }), SYNTAX],
      ["rejects an unknown statement key", trust({ Foo: "bar" }), SYNTAX],
    ],
    T,
  );

  it("accepts AWS's documented trust policies", () => {
    const docs = [
      trust({}),
      trust({
        Principal: { AWS: ["123456789012", "arn:aws:iam::123456789012:root", "*"] },
        Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } },
      }),
      trust({ Principal: { Federated: "cognito-identity.amazonaws.com" }, Action: "sts:AssumeRoleWithWebIdentity" }),
      trust({
        Principal: { Federated: "arn:aws:iam::123456789012:saml-provider/ExampleOrgSSOProvider" },
        Action: ["sts:AssumeRoleWithSAML", "sts:TagSession"],
      }),
      trust({ Principal: { AWS: "arn:aws:sts::123456789012:assumed-role/Admin/alice" }, Action: "sts:*" }),
      {
        Statement: [
          { Effect: "Allow", Principal: { Service: ["lambda.amazonaws.com", "edgelambda.amazonaws.com"] }, Action: "sts:AssumeRole" },
        ],
      },
    ];
    for (const doc of docs) assert.deepEqual(validatePolicy(text(doc), T), [], text(doc));
  });

  it("asks principalExists about IAM users and roles only, and rejects unknown ones", () => {
    const asked: string[] = [];
    const principalExists = (arn: string) => (asked.push(arn), arn.endsWith("/present"));
    const doc = trust({
      Principal: {
        AWS: [
          "123456789012",
          "arn:aws:iam::123456789012:root",
          "arn:aws:iam::123456789012:role/present",
          "arn:aws:iam::123456789012:user/team/gone",
        ],
      },
    });
    const findings = validatePolicy(text(doc), T, { principalExists });
    assert.deepEqual(asked, ["arn:aws:iam::123456789012:role/present", "arn:aws:iam::123456789012:user/team/gone"]);
    assert.deepEqual(
      findings.map((f) => [f.message, f.path]),
      [['Invalid principal in policy: "AWS":"arn:aws:iam::123456789012:user/team/gone"', "Statement.Principal.AWS[3]"]],
    );
  });

  it("checks the grammar of every statement before resolving principals", () => {
    const doc = {
      Version: V,
      Statement: [
        { Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:role/gone" }, Action: "sts:AssumeRole" },
        { Effect: "Allow", Principal: { AWS: "123456789012" }, Action: "sts:AssumeRole", Resource: "*" },
      ],
    };
    assert.equal(first(doc, T, { principalExists: () => false }), "Has prohibited field Resource");
  });
});

describe("validatePolicy: other resource-based policies", () => {
  const R = "resource" as const;
  const bucket = (s: Record<string, unknown>) =>
    stmt({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*", ...s });
  expectAll(
    [
      ["requires a Principal", bucket({ Principal: undefined }), "Missing required field Principal"],
      [
        "allows NotPrincipal only with Deny",
        bucket({ Principal: undefined, NotPrincipal: { AWS: "123456789012" } }),
        'NotPrincipal must be used with "Effect":"Deny".',
      ],
      [
        "requires vendor-prefixed actions",
        bucket({ Action: "GetObject" }),
        "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.",
      ],
    ],
    R,
  );
  it("accepts Principal * and NotPrincipal with Deny", () => {
    assert.deepEqual(validatePolicy(text(bucket({})), R), []);
    assert.deepEqual(
      validatePolicy(text(bucket({ Principal: undefined, Effect: "Deny", NotPrincipal: { AWS: "arn:aws:iam::123456789012:root" } })), R),
      [],
    );
  });
});
