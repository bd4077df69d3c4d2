import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { startHarness, type Harness } from "../helpers/local-aws";

describe("POST /_clef/validate-policy", () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.stop());

  const validate = async (body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${h.aws.url}/_clef/validate-policy`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { findings?: Record<string, unknown>[]; error?: string } };
  };

  it("answers Clef's findings in ValidatePolicy's shape, with paths and spans", async () => {
    const policyDocument =
      '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*"}]\n}';
    const res = await validate({ policyDocument, policyType: "IDENTITY_POLICY" });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.findings, [
      {
        findingType: "WARNING",
        issueCode: "INVALID_ACTION",
        findingDetails: "The action s3:GetObjekt does not exist. Did you mean s3:GetObject?",
        learnMoreLink:
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-general-warning-invalid-action",
        locations: [
          {
            path: [{ value: "Statement" }, { index: 0 }, { value: "Action" }],
            span: { start: { line: 3, column: 46, offset: 75 }, end: { line: 3, column: 60, offset: 89 } },
          },
        ],
      },
    ]);
    assert.equal(policyDocument.slice(75, 89), '"s3:GetObjekt"');
  });

  it("reads a resource policy of type AWS::IAM::AssumeRolePolicyDocument as a trust policy, and AWS's grammar errors as ERRORs", async () => {
    const open = JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" }],
    });
    const trust = await validate({
      policyDocument: open,
      policyType: "RESOURCE_POLICY",
      validatePolicyResourceType: "AWS::IAM::AssumeRolePolicyDocument",
    });
    assert.deepEqual(
      trust.body.findings!.map((f) => [f.findingType, f.issueCode]),
      [["SECURITY_WARNING", "TRUST_ANY_PRINCIPAL"]],
    );
    const scp = await validate({ policyDocument: '{"Statement": [', policyType: "SERVICE_CONTROL_POLICY" });
    assert.deepEqual(
      scp.body.findings!.map((f) => [f.findingType, f.issueCode]),
      [["ERROR", "JSON_SYNTAX_ERROR"]],
    );
  });

  it("refuses a body without a document or with an unknown policy type", async () => {
    for (const body of [{ policyType: "IDENTITY_POLICY" }, { policyDocument: "{}", policyType: "TRUST" }]) {
      const res = await validate(body);
      assert.equal(res.status, 400);
      assert.match(res.body.error!, /^Expected \{policyDocument/);
    }
  });

  it("is refused to a web page of another origin, like every /_clef/ route", async () => {
    const res = await validate({ policyDocument: "{}", policyType: "IDENTITY_POLICY" }, { origin: "http://evil.example" });
    assert.equal(res.status, 403);
    assert.match(res.body.error!, /Origin 'http:\/\/evil.example' is not the console's/);
  });
});
