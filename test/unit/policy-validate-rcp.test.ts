import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { validatePolicy, SCP_MALFORMED_MESSAGE } from "../../lib/policy/validate";
import { RCP_RULES } from "../../lib/policy/validate-rcp";
import { RCP_FULL_AWS_ACCESS } from "../../local-aws/organizations/managed";

const rcp = (statement: Record<string, unknown>, extra: Record<string, unknown> = { Version: "2012-10-17" }) =>
  JSON.stringify({ ...extra, Statement: [statement] });
const deny = (extra: Record<string, unknown> = {}) => ({
  Effect: "Deny",
  Principal: "*",
  Action: "sts:AssumeRole",
  Resource: "*",
  Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": "o-exampleorg1" } },
  ...extra,
});
/** The rule behind the first finding (Organizations words them all as one message). */
const rule = (text: string) => {
  const [f] = validatePolicy(text, "rcp");
  assert.equal(f?.message, SCP_MALFORMED_MESSAGE);
  return f.detail;
};

describe("validatePolicy: resource control policies", () => {
  it("accepts a Deny for every principal, with Resource or NotResource and conditions", () => {
    assert.deepEqual(validatePolicy(rcp(deny()), "rcp"), []);
    assert.deepEqual(validatePolicy(rcp(deny({ Resource: undefined, NotResource: "arn:aws:s3:::logs/*" })), "rcp"), []);
  });

  it("refuses Allow: only the AWS managed RCPFullAWSAccess may allow", () => {
    assert.equal(rule(rcp(deny({ Effect: "Allow" }))), RCP_RULES.effect);
    assert.equal(rule(RCP_FULL_AWS_ACCESS.content), RCP_RULES.effect);
  });

  it('requires Principal "*" and refuses NotPrincipal and NotAction', () => {
    assert.equal(rule(rcp(deny({ Principal: undefined }))), RCP_RULES.principal);
    assert.equal(rule(rcp(deny({ Principal: { AWS: "arn:aws:iam::111122223333:root" } }))), RCP_RULES.principal);
    assert.equal(rule(rcp(deny({ Principal: undefined, NotPrincipal: { AWS: "111122223333" } }))), RCP_RULES.notPrincipal);
    assert.equal(rule(rcp(deny({ Action: undefined, NotAction: "s3:GetObject" }))), RCP_RULES.notAction);
  });

  it("requires Version 2012-10-17, an action and a resource", () => {
    assert.equal(rule(rcp(deny(), {})), RCP_RULES.version);
    assert.equal(rule(rcp(deny(), { Version: "2008-10-17" })), RCP_RULES.version);
    assert.equal(rule(rcp(deny({ Action: [] }))), RCP_RULES.action);
    assert.equal(rule(rcp(deny({ Resource: undefined }))), RCP_RULES.resource);
  });

  it("keeps IAM's grammar underneath: JSON, unknown elements, action vendors", () => {
    assert.ok(rule("{"));
    assert.equal(rule(rcp(deny(), { Version: "2012-10-17", Id: "x" })), "Syntax errors in policy.");
    assert.equal(rule(rcp(deny({ Action: "AssumeRole" }))), "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.");
  });
});
