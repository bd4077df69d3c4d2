import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { CONDITION_KEY_TYPES, conditionKeysFor, globalConditionKeys, lookupConditionKey } from "../../lib/policy/catalogue";

describe("conditionKeysFor", () => {
  it("lists the action's keys with their types, then the global keys every request carries", () => {
    const keys = conditionKeysFor("iam:createuser")!;
    assert.deepEqual(keys.slice(0, 3), [
      { name: "aws:RequestTag/${TagKey}", type: "String", global: true },
      { name: "aws:TagKeys", type: "ArrayOfString", global: true },
      { name: "iam:PermissionsBoundary", type: "ARN", global: false },
    ]);
    const byName = new Map(keys.map((k) => [k.name, k]));
    assert.deepEqual(byName.get("aws:SourceIp"), { name: "aws:SourceIp", type: "IPAddress", global: true });
    assert.equal(byName.get("aws:MultiFactorAuthPresent")?.type, "Bool");
    assert.equal(byName.get("aws:CurrentTime")?.type, "Date");
    assert.equal(byName.get("aws:PrincipalTag/${TagKey}")?.type, "String");
    assert.equal(new Set(keys.map((k) => k.name.toLowerCase())).size, keys.length);
  });

  it("offers tag keys only where the service supports them for the action", () => {
    const getUser = conditionKeysFor("iam:GetUser")!.map((k) => k.name);
    assert.ok(!getUser.includes("aws:RequestTag/${TagKey}") && !getUser.includes("aws:TagKeys"));
    assert.ok(!conditionKeysFor("iam:CreateUser")!.some((k) => k.name === "aws:ResourceTag/${TagKey}"));
    assert.ok(getUser.includes("aws:PrincipalArn"));
    assert.ok(!getUser.includes("ec2:SourceInstanceArn"), "cross-service session keys are not aws: keys");
  });

  it("includes the keys of the action's resource types", () => {
    const run = conditionKeysFor("ec2:RunInstances")!.map((k) => k.name);
    assert.ok(run.includes("ec2:Region") && run.includes("ec2:InstanceType") && run.includes("aws:ResourceTag/${TagKey}"));
    const get = conditionKeysFor("s3:GetObject")!;
    assert.deepEqual(
      get.find((k) => k.name === "s3:ExistingObjectTag/<key>"),
      { name: "s3:ExistingObjectTag/<key>", type: "String", global: false },
    );
  });

  it("is undefined for an unknown action", () => {
    assert.equal(conditionKeysFor("iam:NoSuchAction"), undefined);
    assert.equal(conditionKeysFor("iam:*"), undefined);
  });
});

describe("lookupConditionKey", () => {
  it("finds global and service keys, case-insensitively", () => {
    assert.deepEqual(lookupConditionKey("AWS:SOURCEIP"), { name: "aws:SourceIp", type: "IPAddress", global: true });
    assert.deepEqual(lookupConditionKey("iam:permissionsboundary"), { name: "iam:PermissionsBoundary", type: "ARN", global: false });
    assert.equal(lookupConditionKey("aws:MultiFactorAuthAge")?.type, "Numeric");
    assert.equal(lookupConditionKey("ec2:SourceInstanceArn")?.global, true);
  });

  it("matches a key whose variable part is filled in to its template", () => {
    assert.equal(lookupConditionKey("aws:RequestTag/team")?.name, "aws:RequestTag/${TagKey}");
    assert.equal(lookupConditionKey("aws:PrincipalTag/cost-center")?.name, "aws:PrincipalTag/${TagKey}");
    assert.equal(lookupConditionKey("s3:ExistingObjectTag/owner")?.name, "s3:ExistingObjectTag/<key>");
    assert.equal(lookupConditionKey("kms:EncryptionContext:purpose")?.name, "kms:EncryptionContext:${EncryptionContextKey}");
    assert.equal(lookupConditionKey("aws:RequestTag/"), undefined);
  });

  it("is undefined for keys nobody defines", () => {
    for (const k of ["aws:NoSuchKey", "nosuch:Key", "SourceIp", ""]) assert.equal(lookupConditionKey(k), undefined, k);
  });
});

describe("globalConditionKeys", () => {
  it("holds AWS's global keys with their types", () => {
    const all = globalConditionKeys();
    assert.ok(all.every((k) => k.global && CONDITION_KEY_TYPES.includes(k.type)));
    const names = all.map((k) => k.name);
    for (const k of [
      "aws:SourceIp",
      "aws:PrincipalArn",
      "aws:PrincipalOrgID",
      "aws:SecureTransport",
      "aws:RequestedRegion",
      "aws:CalledVia",
    ]) {
      assert.ok(names.includes(k), k);
    }
  });
});
