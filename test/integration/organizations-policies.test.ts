import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as O from "@aws-sdk/client-organizations";
import { startHarness, unique, type Harness } from "../helpers/local-aws";
import { createMember, createOrganization, orgError } from "../helpers/organizations";
import { ACCOUNT } from "../helpers/iam-user";

const SCP = "SERVICE_CONTROL_POLICY";
const RCP = "RESOURCE_CONTROL_POLICY";
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const scpDeny = (action = "iam:CreateUser") => doc({ Effect: "Deny", Action: action, Resource: "*" });
const rcpDeny = doc({ Effect: "Deny", Principal: "*", Action: "sts:AssumeRole", Resource: "*" });
const MALFORMED = {
  name: "MalformedPolicyDocumentException",
  message: "The provided policy document does not meet the requirements of the specified policy type.",
  status: 400,
};
const IMMUTABLE = {
  name: "InvalidInputException",
  message: "You specified a policy that is managed by Amazon Web Services and can't be modified.",
  reason: "IMMUTABLE_POLICY",
  status: 400,
};

describe("Organizations: policies", () => {
  let h: Harness;
  let rootId: string;
  let orgId: string;
  before(async () => (h = await startHarness({ createAccountSeconds: 0 })));
  after(async () => h.stop());
  beforeEach(async () => {
    await h.reset();
    rootId = await createOrganization(h, undefined, [SCP, RCP]);
    orgId = (await h.organizations.send(new O.DescribeOrganizationCommand({}))).Organization!.Id!;
  });

  const create = (Type: O.PolicyType, Content: string, Name = unique("p")) =>
    h.organizations.send(new O.CreatePolicyCommand({ Name, Description: "test", Type, Content }));
  const policyId = async (Type: O.PolicyType, Content: string, Name?: string) =>
    (await create(Type, Content, Name)).Policy!.PolicySummary!.Id!;

  it("creates, describes, updates and deletes a customer managed SCP", async () => {
    const { Policy } = await create(SCP, scpDeny(), "DenyUsers");
    const id = Policy!.PolicySummary!.Id!;
    assert.match(id, /^p-[0-9a-z]{8}$/);
    assert.deepEqual(Policy, {
      PolicySummary: {
        Id: id,
        Arn: `arn:aws:organizations::${ACCOUNT}:policy/${orgId}/service_control_policy/${id}`,
        Name: "DenyUsers",
        Description: "test",
        Type: SCP,
        AwsManaged: false,
      },
      Content: scpDeny(),
    });
    assert.deepEqual((await h.organizations.send(new O.DescribePolicyCommand({ PolicyId: id }))).Policy, Policy);
    const updated = await h.organizations.send(
      new O.UpdatePolicyCommand({ PolicyId: id, Name: "DenyGroups", Content: scpDeny("iam:CreateGroup") }),
    );
    assert.deepEqual(
      [updated.Policy!.PolicySummary!.Name, updated.Policy!.PolicySummary!.Description, updated.Policy!.Content],
      ["DenyGroups", "test", scpDeny("iam:CreateGroup")],
    );
    await h.organizations.send(new O.DeletePolicyCommand({ PolicyId: id }));
    assert.deepEqual(await orgError(h.organizations.send(new O.DescribePolicyCommand({ PolicyId: id }))), {
      name: "PolicyNotFoundException",
      message: "We can't find a policy with the PolicyId that you specified.",
      status: 400,
    });
  });

  it("lists AWS managed policies with the organization's, which can't be modified", async () => {
    await create(SCP, scpDeny(), "DenyUsers");
    const { Policies } = await h.organizations.send(new O.ListPoliciesCommand({ Filter: SCP }));
    assert.deepEqual(Policies![0], {
      Id: "p-FullAWSAccess",
      Arn: "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess",
      Name: "FullAWSAccess",
      Description: "Allows access to every operation",
      Type: SCP,
      AwsManaged: true,
    });
    assert.deepEqual(
      Policies!.map((p) => p.Name),
      ["FullAWSAccess", "DenyUsers"],
    );
    const full = await h.organizations.send(new O.DescribePolicyCommand({ PolicyId: "p-FullAWSAccess" }));
    assert.equal(
      full.Policy!.Content,
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "*",\n      "Resource": "*"\n    }\n  ]\n}',
    );
    const rcps = await h.organizations.send(new O.ListPoliciesCommand({ Filter: RCP }));
    assert.deepEqual(
      rcps.Policies!.map((p) => p.Id),
      ["p-RCPFullAWSAccess"],
    );
    assert.deepEqual(
      await orgError(h.organizations.send(new O.UpdatePolicyCommand({ PolicyId: "p-FullAWSAccess", Name: "x" }))),
      IMMUTABLE,
    );
    assert.deepEqual(await orgError(h.organizations.send(new O.DeletePolicyCommand({ PolicyId: "p-RCPFullAWSAccess" }))), IMMUTABLE);
  });

  it("checks content by type: SCP and RCP grammar, JSON for management policies, and the size of each", async () => {
    assert.deepEqual(await orgError(create(SCP, "{")), MALFORMED);
    assert.deepEqual(await orgError(create(SCP, doc({ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*" }))), MALFORMED);
    assert.ok(await policyId(RCP, rcpDeny));
    assert.deepEqual(await orgError(create(RCP, doc({ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }))), MALFORMED);
    assert.deepEqual(await orgError(create(RCP, doc({ Effect: "Deny", Action: "s3:*", Resource: "*" }))), MALFORMED);
    assert.ok(await policyId("TAG_POLICY", JSON.stringify({ tags: { team: { tag_key: { "@@assign": "Team" } } } })));
    assert.deepEqual(await orgError(create("TAG_POLICY", "[1]")), MALFORMED);

    const tooBig = {
      name: "ConstraintViolationException",
      message: "You have exceeded the maximum policy size.",
      reason: "POLICY_CONTENT_LIMIT_EXCEEDED",
      status: 400,
    };
    const padded = (size: number) => {
      const base = scpDeny();
      return base.slice(0, -1) + " ".repeat(size - base.length) + "}";
    };
    assert.equal(padded(5120).length, 5120);
    assert.ok(await policyId(SCP, padded(5120)));
    assert.deepEqual(await orgError(create(SCP, padded(5121))), tooBig);
    const optOut = JSON.stringify({ services: { default: { opt_out_policy: { "@@assign": "optOut" } } }, pad: "x".repeat(2500) });
    assert.deepEqual(await orgError(create("AISERVICES_OPT_OUT_POLICY", optOut)), tooBig);
  });

  it("refuses a second policy with the same name and type", async () => {
    await create(SCP, scpDeny(), "Same");
    assert.deepEqual(await orgError(create(SCP, scpDeny(), "Same")), {
      name: "DuplicatePolicyException",
      message: "A policy with the same name already exists.",
      status: 400,
    });
    assert.ok(await policyId(RCP, rcpDeny, "Same"));
  });

  it("holds at most 1,000 RCPs per organization", async () => {
    const insert = h.aws.db.prepare(
      "INSERT INTO org_policies (policy_id, org_id, policy_type, name, description, content, create_date) VALUES (?, ?, ?, ?, '', ?, '2026-01-01T00:00:00.000Z')",
    );
    h.aws.db.transaction(() => {
      for (let i = 0; i < 999; i++) insert.run(`p-${String(i).padStart(8, "0")}`, orgId, RCP, `rcp${i}`, rcpDeny);
    })();
    await create(RCP, rcpDeny);
    assert.deepEqual(await orgError(create(RCP, rcpDeny)), {
      name: "ConstraintViolationException",
      message: "You attempted to exceed the number of policies that you can have in an organization.",
      reason: "POLICY_NUMBER_LIMIT_EXCEEDED",
      status: 400,
    });
  });

  describe("attachments", () => {
    const attach = (PolicyId: string, TargetId: string) => h.organizations.send(new O.AttachPolicyCommand({ PolicyId, TargetId }));
    const detach = (PolicyId: string, TargetId: string) => h.organizations.send(new O.DetachPolicyCommand({ PolicyId, TargetId }));
    const attached = async (TargetId: string, Filter: O.PolicyType = SCP) =>
      (await h.organizations.send(new O.ListPoliciesForTargetCommand({ TargetId, Filter }))).Policies!.map((p) => p.Id);

    it("attaches to roots, OUs and accounts, once each, up to five of a type", async () => {
      const { accountId } = await createMember(h, "Member1");
      const ids = [];
      for (let i = 0; i < 5; i++) ids.push(await policyId(SCP, scpDeny(`iam:Create${i}`)));
      for (const id of ids.slice(0, 4)) await attach(id, accountId);
      assert.deepEqual(await attached(accountId), ["p-FullAWSAccess", ...ids.slice(0, 4)]);
      assert.deepEqual(await orgError(attach(ids[0], accountId)), {
        name: "DuplicatePolicyAttachmentException",
        message: "A policy with the specified name and type already exists.",
        status: 400,
      });
      assert.deepEqual(await orgError(attach(ids[4], accountId)), {
        name: "ConstraintViolationException",
        message: "You have attached the maximum number of policies to the specified target.",
        reason: "MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED",
        status: 400,
      });
      await attach(ids[4], rootId);
      const { Targets } = await h.organizations.send(new O.ListTargetsForPolicyCommand({ PolicyId: ids[0] }));
      assert.deepEqual(Targets, [
        { TargetId: accountId, Arn: `arn:aws:organizations::${ACCOUNT}:account/${orgId}/${accountId}`, Name: "Member1", Type: "ACCOUNT" },
      ]);
      const roots = await h.organizations.send(new O.ListTargetsForPolicyCommand({ PolicyId: ids[4] }));
      assert.deepEqual(roots.Targets, [
        { TargetId: rootId, Arn: `arn:aws:organizations::${ACCOUNT}:root/${orgId}/${rootId}`, Name: "Root", Type: "ROOT" },
      ]);
    });

    it("needs the policy type enabled, and the policy and target to exist", async () => {
      const tag = await policyId("TAG_POLICY", "{}");
      assert.deepEqual(await orgError(attach(tag, rootId)), {
        name: "PolicyTypeNotEnabledException",
        message: "This operation can be performed only for enabled policy types.",
        status: 400,
      });
      assert.equal((await orgError(attach("p-00000000", rootId))).name, "PolicyNotFoundException");
      assert.deepEqual(await orgError(attach("p-FullAWSAccess", "123456789012")), {
        name: "TargetNotFoundException",
        message: "We can't find a root, OU, account, or policy with the TargetId that you specified.",
        status: 400,
      });
    });

    it("keeps at least one SCP on every target, and RCPFullAWSAccess always", async () => {
      const { accountId } = await createMember(h);
      assert.deepEqual(await orgError(detach("p-FullAWSAccess", accountId)), {
        name: "ConstraintViolationException",
        message:
          "You attempted to detach a policy from an entity that would cause the entity to have fewer than the minimum number of policies of a certain type required.",
        reason: "MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED",
        status: 400,
      });
      // Attach the replacement first, then FullAWSAccess can go.
      const deny = await policyId(SCP, scpDeny());
      await attach(deny, accountId);
      await detach("p-FullAWSAccess", accountId);
      assert.deepEqual(await attached(accountId), [deny]);
      assert.deepEqual(await orgError(detach("p-FullAWSAccess", accountId)), {
        name: "PolicyNotAttachedException",
        message: "The policy isn't attached to the specified target in the specified root.",
        status: 400,
      });
      assert.deepEqual(await orgError(detach("p-RCPFullAWSAccess", accountId)), {
        name: "InvalidInputException",
        message: "You can't detach this Amazon Web Services Managed Policy.",
        reason: "NON_DETACHABLE_POLICY",
        status: 400,
      });
      const rcp = await policyId(RCP, rcpDeny);
      await attach(rcp, accountId);
      await detach(rcp, accountId);
      assert.deepEqual(await attached(accountId, RCP), ["p-RCPFullAWSAccess"]);
    });

    it("deletes a policy only once it is detached everywhere", async () => {
      const deny = await policyId(SCP, scpDeny());
      await attach(deny, rootId);
      assert.deepEqual(await orgError(h.organizations.send(new O.DeletePolicyCommand({ PolicyId: deny }))), {
        name: "PolicyInUseException",
        message:
          "The policy is attached to one or more entities. You must detach it from all roots, OUs, and accounts before performing this operation.",
        status: 400,
      });
      await detach(deny, rootId);
      await h.organizations.send(new O.DeletePolicyCommand({ PolicyId: deny }));
    });
  });

  describe("effective policies", () => {
    it("merges management policies from the root down to the account, operators removed", async () => {
      await h.organizations.send(new O.EnablePolicyTypeCommand({ RootId: rootId, PolicyType: "TAG_POLICY" }));
      const { accountId } = await createMember(h);
      const { OrganizationalUnit } = await h.organizations.send(new O.CreateOrganizationalUnitCommand({ ParentId: rootId, Name: "Dev" }));
      await h.organizations.send(
        new O.MoveAccountCommand({ AccountId: accountId, SourceParentId: rootId, DestinationParentId: OrganizationalUnit!.Id }),
      );
      const rootTags = await policyId(
        "TAG_POLICY",
        JSON.stringify({ tags: { costcenter: { tag_key: { "@@assign": "CostCenter" }, tag_value: { "@@assign": ["100", "200"] } } } }),
      );
      const ouTags = await policyId("TAG_POLICY", JSON.stringify({ tags: { costcenter: { tag_value: { "@@append": ["300"] } } } }));
      await h.organizations.send(new O.AttachPolicyCommand({ PolicyId: rootTags, TargetId: rootId }));
      await h.organizations.send(new O.AttachPolicyCommand({ PolicyId: ouTags, TargetId: OrganizationalUnit!.Id }));
      const { EffectivePolicy } = await h.organizations.send(
        new O.DescribeEffectivePolicyCommand({ PolicyType: "TAG_POLICY", TargetId: accountId }),
      );
      assert.deepEqual(JSON.parse(EffectivePolicy!.PolicyContent!), {
        tags: { costcenter: { tag_key: "CostCenter", tag_value: ["100", "200", "300"] } },
      });
      assert.deepEqual([EffectivePolicy!.TargetId, EffectivePolicy!.PolicyType], [accountId, "TAG_POLICY"]);

      assert.deepEqual(await orgError(h.organizations.send(new O.DescribeEffectivePolicyCommand({ PolicyType: "BACKUP_POLICY" }))), {
        name: "EffectivePolicyNotFoundException",
        message:
          "If you ran this action on the management account, this policy type is not enabled. If you ran the action on a member account, the account doesn't have an effective policy of this type. Contact the administrator of your organization about attaching a policy of this type to the account.",
        status: 400,
      });
      const ou = new O.DescribeEffectivePolicyCommand({ PolicyType: "TAG_POLICY", TargetId: OrganizationalUnit!.Id });
      assert.equal((await orgError(h.organizations.send(ou))).reason, "TARGET_NOT_SUPPORTED");
    });

    it("has no effective SCP or RCP", async () => {
      const scp = new O.DescribeEffectivePolicyCommand({ PolicyType: SCP as O.EffectivePolicyType });
      assert.deepEqual(await orgError(h.organizations.send(scp)), {
        name: "InvalidInputException",
        message: "You specified an invalid value.",
        reason: "INVALID_ENUM",
        status: 400,
      });
    });
  });

  describe("tags", () => {
    it("tags accounts, OUs, roots and policies", async () => {
      const { accountId } = await createMember(h);
      const { OrganizationalUnit } = await h.organizations.send(new O.CreateOrganizationalUnitCommand({ ParentId: rootId, Name: "Dev" }));
      const policy = await policyId(SCP, scpDeny());
      for (const ResourceId of [accountId, OrganizationalUnit!.Id!, rootId, policy]) {
        await h.organizations.send(
          new O.TagResourceCommand({
            ResourceId,
            Tags: [
              { Key: "a", Value: "1" },
              { Key: "b", Value: "2" },
            ],
          }),
        );
        await h.organizations.send(new O.TagResourceCommand({ ResourceId, Tags: [{ Key: "a", Value: "3" }] }));
        await h.organizations.send(new O.UntagResourceCommand({ ResourceId, TagKeys: ["b"] }));
        const { Tags } = await h.organizations.send(new O.ListTagsForResourceCommand({ ResourceId }));
        assert.deepEqual(Tags, [{ Key: "a", Value: "3" }], ResourceId);
      }
      const tagAws = new O.TagResourceCommand({ ResourceId: "p-FullAWSAccess", Tags: [{ Key: "a", Value: "1" }] });
      assert.equal((await orgError(h.organizations.send(tagAws))).name, "TargetNotFoundException");
    });

    it("enforces 50 tags per resource, unique keys and no aws: keys", async () => {
      const many = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
      await h.organizations.send(new O.TagResourceCommand({ ResourceId: rootId, Tags: many }));
      assert.deepEqual(
        await orgError(h.organizations.send(new O.TagResourceCommand({ ResourceId: rootId, Tags: [{ Key: "one-more", Value: "v" }] }))),
        {
          name: "ConstraintViolationException",
          message: "You have exceeded the number of tags allowed on this resource.",
          reason: "MAX_TAG_LIMIT_EXCEEDED",
          status: 400,
        },
      );
      const dup = new O.TagResourceCommand({
        ResourceId: rootId,
        Tags: [
          { Key: "k0", Value: "a" },
          { Key: "k0", Value: "b" },
        ],
      });
      assert.equal((await orgError(h.organizations.send(dup))).reason, "DUPLICATE_TAG_KEY");
      const system = new O.TagResourceCommand({ ResourceId: rootId, Tags: [{ Key: "aws:x", Value: "a" }] });
      assert.equal((await orgError(h.organizations.send(system))).reason, "INVALID_SYSTEM_TAGS_PARAMETER");
      const page = await h.organizations.send(new O.ListTagsForResourceCommand({ ResourceId: rootId }));
      assert.equal(page.Tags!.length, 20);
      assert.ok(page.NextToken);
    });
  });
});
