import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { expandActions } from "../../lib/policy/catalogue";
import { summarizePolicy } from "../../lib/policy/summary";
import { POLICY_TEMPLATES, renderTemplate, templateErrors, templatesFor } from "../../lib/policy/templates";
import { validatePolicy } from "../../lib/policy/validate";

const VALID: Record<string, string> = {
  bucket: "amzn-s3-demo-bucket",
  regions: "us-east-1, eu-west-1",
  accountId: "111122223333",
  externalId: "Unique-ID-1234",
};
const template = (id: string) => POLICY_TEMPLATES.find((t) => t.id === id)!;

describe("policy templates", () => {
  for (const t of POLICY_TEMPLATES) {
    it(`${t.name}: valid for its kind (${t.kind}) once filled in, naming only catalogue actions`, () => {
      assert.deepEqual(templateErrors(t, VALID), {});
      const text = renderTemplate(t, VALID);
      assert.deepEqual(validatePolicy(text, t.kind, { managed: true }), []);
      const statements = (JSON.parse(text) as { Statement: { Action?: string | string[]; NotAction?: string[] }[] }).Statement;
      for (const s of statements) for (const a of [s.Action ?? s.NotAction ?? []].flat()) assert.ok(expandActions(a).length, a);
    });
  }

  it("fills the placeholders in: the bucket's ARNs, the Regions as a list, the account and external ID", () => {
    const s3 = JSON.parse(renderTemplate(template("s3-read-only-bucket"), { bucket: " my-bucket " }));
    assert.deepEqual(
      s3.Statement.map((s: { Resource: string }) => s.Resource),
      ["arn:aws:s3:::my-bucket", "arn:aws:s3:::my-bucket/*"],
    );
    const regions = JSON.parse(renderTemplate(template("deny-outside-regions"), { regions: "us-east-1,  eu-west-1," }));
    assert.deepEqual(regions.Statement[0].Condition.StringNotEquals["aws:RequestedRegion"], ["us-east-1", "eu-west-1"]);
    const trust = JSON.parse(renderTemplate(template("cross-account-trust-external-id"), VALID));
    assert.equal(trust.Statement[0].Principal.AWS, "arn:aws:iam::111122223333:root");
    assert.equal(trust.Statement[0].Condition.StringEquals["sts:ExternalId"], "Unique-ID-1234");
  });

  it("rejects values AWS would not take, each under its field", () => {
    assert.deepEqual(Object.keys(templateErrors(template("s3-read-only-bucket"), { bucket: "My_Bucket" })), ["bucket"]);
    assert.deepEqual(Object.keys(templateErrors(template("s3-read-only-bucket"), { bucket: "" })), ["bucket"]);
    assert.deepEqual(Object.keys(templateErrors(template("deny-outside-regions"), { regions: "us-east-1, mars" })), ["regions"]);
    assert.deepEqual(Object.keys(templateErrors(template("deny-outside-regions"), { regions: " , " })), ["regions"]);
    const trust = templateErrors(template("cross-account-trust-external-id"), { accountId: "1234", externalId: "x" });
    assert.deepEqual(Object.keys(trust).sort(), ["accountId", "externalId"]);
  });

  it("offers identity templates for identity policies and SCPs, the trust template for trust policies", () => {
    assert.deepEqual(
      templatesFor("trust").map((t) => t.id),
      ["cross-account-trust-external-id"],
    );
    assert.ok(templatesFor("identity").every((t) => t.kind === "identity"));
    assert.deepEqual(templatesFor("scp"), templatesFor("identity"));
  });

  it("summarizes the S3 template as the console would: S3, Limited: List, Read, on the bucket", () => {
    const summary = summarizePolicy(renderTemplate(template("s3-read-only-bucket"), { bucket: "my-bucket" }));
    const s3 = summary.sections[0].services[0];
    assert.equal(s3.accessLevel, "Limited: List, Read");
    assert.deepEqual(s3.actions.find((a) => a.name === "ListBucket")!.resource, "BucketName | string like | my-bucket");
  });
});
