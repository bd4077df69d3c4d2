import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { summarizeTrustPolicy } from "../../lib/policy/trust-summary";

const THIS = "000000000000";
const OTHER = "111122223333";
const trust = (...Statement: Record<string, unknown>[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const texts = (...Statement: Record<string, unknown>[]) => summarizeTrustPolicy(trust(...Statement), THIS)!.map((s) => s.text);
const allow = (Principal: unknown, extra: Record<string, unknown> = {}) => ({
  Effect: "Allow",
  Principal,
  Action: "sts:AssumeRole",
  ...extra,
});

describe("summarizeTrustPolicy: who can assume a role, in words", () => {
  it("another account's root: its users and roles whose own policies allow sts:AssumeRole", () => {
    assert.deepEqual(texts(allow({ AWS: `arn:aws:iam::${OTHER}:root` })), [
      `IAM users and roles of account ${OTHER} whose own policies allow sts:AssumeRole can assume the role.`,
    ]);
  });

  it("an account named by its ID alone is the same as its root", () => {
    assert.deepEqual(texts(allow({ AWS: OTHER })), texts(allow({ AWS: `arn:aws:iam::${OTHER}:root` })));
  });

  it("this account's root says 'this account'", () => {
    assert.deepEqual(texts(allow({ AWS: `arn:aws:iam::${THIS}:root` })), [
      "IAM users and roles of this account whose own policies allow sts:AssumeRole can assume the role.",
    ]);
  });

  it("a user of this account needs nothing more; one of another account needs its own policy's allow", () => {
    assert.deepEqual(texts(allow({ AWS: [`arn:aws:iam::${THIS}:user/alice`, `arn:aws:iam::${OTHER}:user/team/bob`] })), [
      `User alice of this account and user bob of account ${OTHER} (whose own policies must also allow sts:AssumeRole) can assume the role.`,
    ]);
  });

  it("roles and role sessions", () => {
    const [text] = texts(allow({ AWS: [`arn:aws:iam::${THIS}:role/ops/deployer`, `arn:aws:sts::${OTHER}:assumed-role/admin/carol`] }));
    assert.equal(
      text,
      `Sessions of role deployer of this account and session carol of role admin of account ${OTHER} (whose own policies must also allow sts:AssumeRole) can assume the role.`,
    );
  });

  it("a service", () => {
    assert.deepEqual(texts(allow({ Service: "lambda.amazonaws.com" })), ["The service lambda.amazonaws.com can assume the role."]);
  });

  it("anyone with an external ID", () => {
    assert.deepEqual(texts(allow("*", { Condition: { StringEquals: { "sts:ExternalId": "Unicorn-7" } } })), [
      "Anyone (any AWS principal, in any account) can assume the role, with external ID Unicorn-7.",
    ]);
  });

  it("MFA and organization conditions; other conditions as written", () => {
    const [text] = texts(
      allow(
        { AWS: OTHER },
        {
          Condition: {
            Bool: { "aws:MultiFactorAuthPresent": "true" },
            StringEquals: { "aws:PrincipalOrgID": "o-abc123" },
            NumericLessThan: { "aws:MultiFactorAuthAge": "3600" },
          },
        },
      ),
    );
    assert.equal(
      text,
      `IAM users and roles of account ${OTHER} whose own policies allow sts:AssumeRole can assume the role, signed in with MFA, in organization o-abc123 and if aws:MultiFactorAuthAge NumericLessThan 3600.`,
    );
  });

  it("SAML and web identity federation, with their actions", () => {
    const saml = { Federated: `arn:aws:iam::${THIS}:saml-provider/Okta` };
    const web = { Federated: "cognito-identity.amazonaws.com" };
    assert.deepEqual(texts({ Effect: "Allow", Principal: saml, Action: "sts:AssumeRoleWithSAML" }), [
      "Users signed in through SAML provider Okta can assume the role with SAML.",
    ]);
    assert.deepEqual(texts({ Effect: "Allow", Principal: web, Action: ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"] }), [
      "Users signed in through cognito-identity.amazonaws.com can assume the role with a web identity and pass session tags.",
    ]);
  });

  it("a Deny statement, and one statement per entry", () => {
    const out = summarizeTrustPolicy(
      trust(allow({ AWS: OTHER }), { Effect: "Deny", Principal: { AWS: `arn:aws:iam::${OTHER}:user/mallory` }, Action: "sts:AssumeRole" }),
      THIS,
    )!;
    assert.deepEqual(
      out.map((s) => s.effect),
      ["Allow", "Deny"],
    );
    assert.equal(
      out[1].text,
      `User mallory of account ${OTHER} (whose own policies must also allow sts:AssumeRole) cannot assume the role.`,
    );
  });

  it("a deleted principal (IAM shows its unique ID)", () => {
    assert.deepEqual(texts(allow({ AWS: "AIDAEXAMPLE1234567890" })), [
      "The principal with unique ID AIDAEXAMPLE1234567890 (deleted, or not yet known to IAM) can assume the role.",
    ]);
  });

  it("not a policy: undefined", () => {
    assert.equal(summarizeTrustPolicy("{", THIS), undefined);
  });
});
