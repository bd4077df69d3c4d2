import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as O from "@aws-sdk/client-organizations";
import { startHarness, unique, type Harness } from "../helpers/local-aws";
import { createMember, createOrganization, orgError } from "../helpers/organizations";
import { ACCOUNT } from "../helpers/iam-user";

const NOT_IN_USE = { name: "AWSOrganizationsNotInUseException", message: "Your account is not a member of an organization.", status: 400 };

describe("Organizations: the organization, its root and policy types", () => {
  let h: Harness;
  before(async () => (h = await startHarness({ createAccountSeconds: 0, createdAccountMinAgeSeconds: 0 })));
  after(async () => h.stop());
  beforeEach(async () => h.reset());

  it("answers an account outside any organization with AWSOrganizationsNotInUseException", async () => {
    const calls: object[] = [
      new O.DescribeOrganizationCommand({}),
      new O.DeleteOrganizationCommand({}),
      new O.ListRootsCommand({}),
      new O.ListAccountsCommand({}),
      new O.CreateOrganizationalUnitCommand({ ParentId: "r-abcd", Name: "x" }),
      new O.CreateAccountCommand({ Email: "a@example.com", AccountName: "a" }),
      new O.CreatePolicyCommand({ Name: "p", Description: "", Type: "SERVICE_CONTROL_POLICY", Content: "{}" }),
      new O.ListPoliciesCommand({ Filter: "SERVICE_CONTROL_POLICY" }),
      new O.LeaveOrganizationCommand({}),
      new O.EnableAllFeaturesCommand({}),
      new O.ListHandshakesForOrganizationCommand({}),
      new O.DescribeEffectivePolicyCommand({ PolicyType: "TAG_POLICY" }),
    ];
    for (const c of calls) assert.deepEqual(await orgError(h.organizations.send(c as never)), NOT_IN_USE, c.constructor.name);
  });

  it("creates an all-features organization whose root has no policy type enabled", async () => {
    const { Organization } = await h.organizations.send(new O.CreateOrganizationCommand({}));
    assert.match(Organization!.Id!, /^o-[a-z0-9]{10}$/);
    assert.equal(Organization!.Arn, `arn:aws:organizations::${ACCOUNT}:organization/${Organization!.Id}`);
    assert.equal(Organization!.FeatureSet, "ALL");
    assert.equal(Organization!.MasterAccountId, ACCOUNT);
    assert.equal(Organization!.MasterAccountArn, `arn:aws:organizations::${ACCOUNT}:account/${Organization!.Id}/${ACCOUNT}`);
    assert.equal(Organization!.MasterAccountEmail, h.config.rootEmail);
    // Deprecated, and SCP-only: reported ENABLED whatever the root has.
    assert.deepEqual(Organization!.AvailablePolicyTypes, [{ Type: "SERVICE_CONTROL_POLICY", Status: "ENABLED" }]);

    const { Roots } = await h.organizations.send(new O.ListRootsCommand({}));
    assert.equal(Roots!.length, 1);
    assert.match(Roots![0].Id!, /^r-[0-9a-z]{4}$/);
    assert.equal(Roots![0].Name, "Root");
    assert.equal(Roots![0].Arn, `arn:aws:organizations::${ACCOUNT}:root/${Organization!.Id}/${Roots![0].Id}`);
    assert.deepEqual(Roots![0].PolicyTypes, []);

    const described = await h.organizations.send(new O.DescribeOrganizationCommand({}));
    assert.deepEqual(described.Organization, Organization);
    const { Accounts } = await h.organizations.send(new O.ListAccountsCommand({}));
    assert.deepEqual(
      Accounts!.map((a) => [a.Id, a.JoinedMethod, a.State, a.Email]),
      [[ACCOUNT, "INVITED", "ACTIVE", h.config.rootEmail]],
    );
    assert.deepEqual(await orgError(h.organizations.send(new O.CreateOrganizationCommand({}))), {
      name: "AlreadyInOrganizationException",
      message: "The AWS account is already a member of an organization.",
      status: 400,
    });
  });

  it("deletes an organization only once it has no member accounts", async () => {
    await createOrganization(h);
    const { accountId } = await createMember(h);
    assert.deepEqual(await orgError(h.organizations.send(new O.DeleteOrganizationCommand({}))), {
      name: "OrganizationNotEmptyException",
      message: "To delete an organization you must first remove all member accounts (except the master).",
      status: 400,
    });
    await h.organizations.send(new O.RemoveAccountFromOrganizationCommand({ AccountId: accountId }));
    await h.organizations.send(new O.DeleteOrganizationCommand({}));
    assert.deepEqual(await orgError(h.organizations.send(new O.DescribeOrganizationCommand({}))), NOT_IN_USE);
    const leftovers = ["org_roots", "org_units", "org_members", "org_attachments", "org_policies WHERE org_id <> 'aws'"].map(
      (t) => (h.aws.db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n,
    );
    assert.deepEqual(leftovers, [0, 0, 0, 0, 0]);
    await h.organizations.send(new O.CreateOrganizationCommand({}));
  });

  it("keeps a consolidated-billing organization to billing: no policy types, no policies", async () => {
    const { Organization } = await h.organizations.send(new O.CreateOrganizationCommand({ FeatureSet: "CONSOLIDATED_BILLING" }));
    assert.equal(Organization!.FeatureSet, "CONSOLIDATED_BILLING");
    assert.deepEqual(Organization!.AvailablePolicyTypes, []);
    const { Roots } = await h.organizations.send(new O.ListRootsCommand({}));
    const notAvailable = {
      name: "PolicyTypeNotAvailableForOrganizationException",
      message:
        "You can't use the specified policy type with the feature set currently enabled for this organization. For example, you can enable SCPs only after you enable all features in the organization.",
      status: 400,
    };
    const enable = new O.EnablePolicyTypeCommand({ RootId: Roots![0].Id, PolicyType: "SERVICE_CONTROL_POLICY" });
    assert.deepEqual(await orgError(h.organizations.send(enable)), notAvailable);
    const create = new O.CreatePolicyCommand({ Name: "p", Description: "", Type: "TAG_POLICY", Content: "{}" });
    assert.deepEqual(await orgError(h.organizations.send(create)), notAvailable);
  });

  it("enables a policy type once, attaching FullAWSAccess everywhere for SCPs; disabling detaches and keeps the policies", async () => {
    const rootId = await createOrganization(h);
    const { OrganizationalUnit } = await h.organizations.send(new O.CreateOrganizationalUnitCommand({ ParentId: rootId, Name: "Dev" }));
    const { accountId } = await createMember(h);
    const { Root } = await h.organizations.send(new O.EnablePolicyTypeCommand({ RootId: rootId, PolicyType: "SERVICE_CONTROL_POLICY" }));
    assert.deepEqual(Root!.PolicyTypes, [{ Type: "SERVICE_CONTROL_POLICY", Status: "ENABLED" }]);
    const scps = async (TargetId: string) =>
      (await h.organizations.send(new O.ListPoliciesForTargetCommand({ TargetId, Filter: "SERVICE_CONTROL_POLICY" }))).Policies!.map(
        (p) => p.Id,
      );
    for (const target of [rootId, OrganizationalUnit!.Id!, accountId, ACCOUNT])
      assert.deepEqual(await scps(target), ["p-FullAWSAccess"], target);

    const again = new O.EnablePolicyTypeCommand({ RootId: rootId, PolicyType: "SERVICE_CONTROL_POLICY" });
    assert.deepEqual(await orgError(h.organizations.send(again)), {
      name: "PolicyTypeAlreadyEnabledException",
      message: "The specified policy type is already enabled in the specified root.",
      status: 400,
    });
    const missing = new O.EnablePolicyTypeCommand({ RootId: "r-zzzz", PolicyType: "TAG_POLICY" });
    assert.deepEqual(await orgError(h.organizations.send(missing)), {
      name: "RootNotFoundException",
      message: "We can't find a root with the RootId that you specified.",
      status: 400,
    });

    const content = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "iam:CreateUser", Resource: "*" }] });
    const { Policy } = await h.organizations.send(
      new O.CreatePolicyCommand({ Name: "DenyUsers", Description: "", Type: "SERVICE_CONTROL_POLICY", Content: content }),
    );
    await h.organizations.send(new O.AttachPolicyCommand({ PolicyId: Policy!.PolicySummary!.Id, TargetId: accountId }));
    const disabled = await h.organizations.send(new O.DisablePolicyTypeCommand({ RootId: rootId, PolicyType: "SERVICE_CONTROL_POLICY" }));
    assert.deepEqual(disabled.Root!.PolicyTypes, []);
    assert.deepEqual(await scps(accountId), []);
    const { Policies } = await h.organizations.send(new O.ListPoliciesCommand({ Filter: "SERVICE_CONTROL_POLICY" }));
    assert.deepEqual(
      Policies!.map((p) => p.Name),
      ["FullAWSAccess", "DenyUsers"],
    );
    const disableAgain = new O.DisablePolicyTypeCommand({ RootId: rootId, PolicyType: "SERVICE_CONTROL_POLICY" });
    assert.deepEqual(await orgError(h.organizations.send(disableAgain)), {
      name: "PolicyTypeNotEnabledException",
      message: "This operation can be performed only for enabled policy types.",
      status: 400,
    });
    // Re-enabled, every entity starts again with FullAWSAccess alone.
    await h.organizations.send(new O.EnablePolicyTypeCommand({ RootId: rootId, PolicyType: "SERVICE_CONTROL_POLICY" }));
    assert.deepEqual(await scps(accountId), ["p-FullAWSAccess"]);
  });

  it("enables RCPs with RCPFullAWSAccess everywhere, and other types with nothing attached", async () => {
    const rootId = await createOrganization(h, undefined, ["RESOURCE_CONTROL_POLICY", "TAG_POLICY"]);
    const { accountId } = await createMember(h);
    const list = async (Filter: O.PolicyType) =>
      (await h.organizations.send(new O.ListPoliciesForTargetCommand({ TargetId: accountId, Filter }))).Policies!.map((p) => p.Id);
    assert.deepEqual(await list("RESOURCE_CONTROL_POLICY"), ["p-RCPFullAWSAccess"]);
    assert.deepEqual(await list("TAG_POLICY"), []);
    const { Roots } = await h.organizations.send(new O.ListRootsCommand({}));
    assert.deepEqual(
      Roots![0].PolicyTypes!.map((t) => t.Type),
      ["RESOURCE_CONTROL_POLICY", "TAG_POLICY"],
    );
    assert.ok(rootId);
  });
});

describe("Organizations: organizational units", () => {
  let h: Harness;
  let rootId: string;
  before(async () => (h = await startHarness({ createAccountSeconds: 0 })));
  after(async () => h.stop());
  beforeEach(async () => {
    await h.reset();
    rootId = await createOrganization(h, undefined, ["SERVICE_CONTROL_POLICY"]);
  });

  const createOu = async (ParentId: string, Name = unique("ou")) =>
    (await h.organizations.send(new O.CreateOrganizationalUnitCommand({ ParentId, Name }))).OrganizationalUnit!;

  it("creates, describes, renames and deletes an OU", async () => {
    const { Organization } = await h.organizations.send(new O.DescribeOrganizationCommand({}));
    const ou = await createOu(rootId, "Dev");
    assert.match(ou.Id!, new RegExp(`^ou-${rootId.slice(2)}-[a-z0-9]{8}$`));
    assert.equal(ou.Arn, `arn:aws:organizations::${ACCOUNT}:ou/${Organization!.Id}/${ou.Id}`);
    assert.equal(ou.Path, `${Organization!.Id}/${rootId}/${ou.Id}/`);
    assert.deepEqual(
      (await h.organizations.send(new O.DescribeOrganizationalUnitCommand({ OrganizationalUnitId: ou.Id }))).OrganizationalUnit,
      ou,
    );
    const renamed = await h.organizations.send(new O.UpdateOrganizationalUnitCommand({ OrganizationalUnitId: ou.Id, Name: "Development" }));
    assert.equal(renamed.OrganizationalUnit!.Name, "Development");
    const scps = await h.organizations.send(new O.ListPoliciesForTargetCommand({ TargetId: ou.Id, Filter: "SERVICE_CONTROL_POLICY" }));
    assert.deepEqual(
      scps.Policies!.map((p) => p.Id),
      ["p-FullAWSAccess"],
    );
    await h.organizations.send(new O.DeleteOrganizationalUnitCommand({ OrganizationalUnitId: ou.Id }));
    assert.deepEqual(await orgError(h.organizations.send(new O.DescribeOrganizationalUnitCommand({ OrganizationalUnitId: ou.Id }))), {
      name: "OrganizationalUnitNotFoundException",
      message: "We can't find an OU with the OrganizationalUnitId that you specified.",
      status: 400,
    });
  });

  it("refuses a name already used under the same parent, and a parent that doesn't exist", async () => {
    const dev = await createOu(rootId, "Dev");
    const other = await createOu(rootId, "Prod");
    await createOu(other.Id!, "Dev");
    const duplicate = { name: "DuplicateOrganizationalUnitException", message: "An OU with the same name already exists.", status: 400 };
    assert.deepEqual(await orgError(createOu(rootId, "Dev")), duplicate);
    const rename = new O.UpdateOrganizationalUnitCommand({ OrganizationalUnitId: other.Id, Name: "Dev" });
    assert.deepEqual(await orgError(h.organizations.send(rename)), duplicate);
    assert.ok(dev.Id);
    assert.deepEqual(await orgError(createOu(`ou-${rootId.slice(2)}-zzzzzzzz`)), {
      name: "ParentNotFoundException",
      message: "We can't find a root or OU with the ParentId that you specified.",
      status: 400,
    });
  });

  it("nests OUs five levels deep at most", async () => {
    let parent = rootId;
    for (let depth = 1; depth <= 5; depth++) parent = (await createOu(parent)).Id!;
    assert.deepEqual(await orgError(createOu(parent)), {
      name: "ConstraintViolationException",
      message: "You attempted to create an OU tree that is too many levels deep.",
      reason: "OU_DEPTH_LIMIT_EXCEEDED",
      status: 400,
    });
  });

  it("holds at most 2,000 OUs", async () => {
    const { Organization } = await h.organizations.send(new O.DescribeOrganizationCommand({}));
    const insert = h.aws.db.prepare("INSERT INTO org_units (ou_id, org_id, parent_id, name, create_date) VALUES (?, ?, ?, ?, ?)");
    h.aws.db.transaction(() => {
      for (let i = 0; i < 1999; i++)
        insert.run(`ou-${rootId.slice(2)}-${String(i).padStart(8, "0")}`, Organization!.Id, rootId, `ou${i}`, "2026-01-01T00:00:00.000Z");
    })();
    await createOu(rootId);
    assert.deepEqual(await orgError(createOu(rootId)), {
      name: "ConstraintViolationException",
      message: "You attempted to exceed the number of OUs that you can have in an organization.",
      reason: "OU_NUMBER_LIMIT_EXCEEDED",
      status: 400,
    });
  });

  it("refuses to delete an OU that holds an OU or an account", async () => {
    const notEmpty = {
      name: "OrganizationalUnitNotEmptyException",
      message:
        "The specified OU is not empty. Move all accounts to another root or to other OUs, remove all child OUs, and try the operation again.",
      status: 400,
    };
    const outer = await createOu(rootId);
    const inner = await createOu(outer.Id!);
    assert.deepEqual(
      await orgError(h.organizations.send(new O.DeleteOrganizationalUnitCommand({ OrganizationalUnitId: outer.Id }))),
      notEmpty,
    );
    const { accountId } = await createMember(h);
    await h.organizations.send(new O.MoveAccountCommand({ AccountId: accountId, SourceParentId: rootId, DestinationParentId: inner.Id }));
    assert.deepEqual(
      await orgError(h.organizations.send(new O.DeleteOrganizationalUnitCommand({ OrganizationalUnitId: inner.Id }))),
      notEmpty,
    );
  });

  it("lists children, parents and OUs of a parent", async () => {
    const a = await createOu(rootId, "A");
    const b = await createOu(rootId, "B");
    const nested = await createOu(a.Id!, "Nested");
    const { accountId } = await createMember(h);
    const ous = await h.organizations.send(new O.ListOrganizationalUnitsForParentCommand({ ParentId: rootId }));
    assert.deepEqual(
      ous.OrganizationalUnits!.map((o) => o.Name),
      ["A", "B"],
    );
    const children = async (ParentId: string, ChildType: O.ChildType) =>
      (await h.organizations.send(new O.ListChildrenCommand({ ParentId, ChildType }))).Children;
    assert.deepEqual(await children(rootId, "ORGANIZATIONAL_UNIT"), [
      { Id: a.Id, Type: "ORGANIZATIONAL_UNIT" },
      { Id: b.Id, Type: "ORGANIZATIONAL_UNIT" },
    ]);
    assert.deepEqual(await children(rootId, "ACCOUNT"), [
      { Id: ACCOUNT, Type: "ACCOUNT" },
      { Id: accountId, Type: "ACCOUNT" },
    ]);
    assert.deepEqual(await children(a.Id!, "ORGANIZATIONAL_UNIT"), [{ Id: nested.Id, Type: "ORGANIZATIONAL_UNIT" }]);
    const parents = async (ChildId: string) => (await h.organizations.send(new O.ListParentsCommand({ ChildId }))).Parents;
    assert.deepEqual(await parents(nested.Id!), [{ Id: a.Id, Type: "ORGANIZATIONAL_UNIT" }]);
    assert.deepEqual(await parents(accountId), [{ Id: rootId, Type: "ROOT" }]);
    assert.deepEqual(await orgError(parents("123456789012")), {
      name: "ChildNotFoundException",
      message: "We can't find an organizational unit (OU) or Amazon Web Services account with the ChildId that you specified.",
      status: 400,
    });
    const unknownParent = new O.ListChildrenCommand({ ParentId: "r-zzzz", ChildType: "ACCOUNT" });
    assert.equal((await orgError(h.organizations.send(unknownParent))).name, "ParentNotFoundException");
  });

  it("pages with MaxResults (at most 20) and NextToken", async () => {
    for (const name of ["A", "B", "C"]) await createOu(rootId, name);
    const first = await h.organizations.send(new O.ListOrganizationalUnitsForParentCommand({ ParentId: rootId, MaxResults: 2 }));
    assert.deepEqual(
      first.OrganizationalUnits!.map((o) => o.Name),
      ["A", "B"],
    );
    assert.ok(first.NextToken);
    const second = await h.organizations.send(
      new O.ListOrganizationalUnitsForParentCommand({ ParentId: rootId, MaxResults: 2, NextToken: first.NextToken }),
    );
    assert.deepEqual(
      second.OrganizationalUnits!.map((o) => o.Name),
      ["C"],
    );
    assert.equal(second.NextToken, undefined);
    const tooMany = new O.ListOrganizationalUnitsForParentCommand({ ParentId: rootId, MaxResults: 21 });
    assert.deepEqual(await orgError(h.organizations.send(tooMany)), {
      name: "InvalidInputException",
      message: "You provided a numeric parameter that has a larger value than allowed.",
      reason: "MAX_VALUE_EXCEEDED",
      status: 400,
    });
    const badToken = new O.ListOrganizationalUnitsForParentCommand({ ParentId: rootId, NextToken: "not-a-token" });
    assert.deepEqual(await orgError(h.organizations.send(badToken)), {
      name: "InvalidInputException",
      message: "Get the value for the NextToken parameter from the response to a previous call of the operation.",
      reason: "INVALID_NEXT_TOKEN",
      status: 400,
    });
  });
});
