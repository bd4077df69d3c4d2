import "../helpers/server-only";
import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { startHarness, unique, type Harness } from "../helpers/local-aws";
import { rootPrincipal } from "../helpers/server-services";

type Services = typeof import("../../lib/server/services/organizations-organization") &
  typeof import("../../lib/server/services/organizations-tree") &
  typeof import("../../lib/server/services/organizations-units") &
  typeof import("../../lib/server/services/organizations-accounts") &
  typeof import("../../lib/server/services/organizations-create-account") &
  typeof import("../../lib/server/services/organizations-policies") &
  typeof import("../../lib/server/services/organizations-attachments") &
  typeof import("../../lib/server/services/organizations-tags");

const DENY_CREATE_USER = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Deny", Action: "iam:CreateUser", Resource: "*" }],
});

/** A ServiceError's code, message and status, as the console's routes answer them. */
async function serviceError(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    const e = err as { code: string; message: string; status: number };
    return { code: e.code, message: e.message, status: e.status };
  }
  throw new Error("expected the call to fail, but it succeeded");
}

describe("the console's Organizations services (lib/server/services/organizations-*)", () => {
  let h: Harness;
  let s: Services;
  const saved = process.env.CLEF_AWS_ENDPOINT;
  const ctx = <I>(input: I) => ({ principal: rootPrincipal(h), input });

  before(async () => {
    h = await startHarness({ createAccountSeconds: 0 });
    process.env.CLEF_AWS_ENDPOINT = h.aws.url;
    const mods = await Promise.all([
      import("../../lib/server/services/organizations-organization"),
      import("../../lib/server/services/organizations-tree"),
      import("../../lib/server/services/organizations-units"),
      import("../../lib/server/services/organizations-accounts"),
      import("../../lib/server/services/organizations-create-account"),
      import("../../lib/server/services/organizations-policies"),
      import("../../lib/server/services/organizations-attachments"),
      import("../../lib/server/services/organizations-tags"),
    ]);
    s = Object.assign({}, ...mods) as Services;
  });
  after(async () => {
    if (saved === undefined) delete process.env.CLEF_AWS_ENDPOINT;
    else process.env.CLEF_AWS_ENDPOINT = saved;
    await h.stop();
  });
  beforeEach(async () => h.reset());

  it("reports no organization, then creates one with SCPs enabled on its root as AWS's console does", async () => {
    assert.deepEqual(await s.describeOrganization(ctx(undefined)), { organization: null });
    const created = await s.createOrganization(ctx(undefined));
    assert.equal(created.managementAccountId, h.config.accountId);
    assert.equal(created.featureSet, "ALL");
    const tree = await s.getOrganizationTree(ctx(undefined));
    assert.deepEqual(tree.roots[0].policyTypes, [{ type: "SERVICE_CONTROL_POLICY", status: "ENABLED" }]);
    assert.deepEqual(
      tree.accounts.map((a) => [a.id, a.parentId, a.joinedMethod]),
      [[h.config.accountId, tree.roots[0].id, "INVITED"]],
    );
    assert.deepEqual(await serviceError(s.createOrganization(ctx(undefined))), {
      code: "AlreadyInOrganization",
      message: "The AWS account is already a member of an organization.",
      status: 400,
    });
  });

  it("walks the tree, polls account creation, moves the account and shows SCPs inherited from each parent", async () => {
    await s.createOrganization(ctx(undefined));
    const rootId = (await s.getOrganizationTree(ctx(undefined))).roots[0].id;
    const ou = await s.createOrganizationalUnit(ctx({ parentId: rootId, name: "Workloads", tags: [] }));
    const inner = await s.createOrganizationalUnit(ctx({ parentId: ou.id, name: "Dev", tags: [{ Key: "team", Value: "a" }] }));

    const name = unique("Dev");
    const request = await s.createAccount(ctx({ accountName: name, email: `${name}@example.com`, tags: [] }));
    assert.equal(request.state, "IN_PROGRESS");
    const done = await s.describeCreateAccountStatus(ctx({ requestId: request.id }));
    assert.equal(done.state, "SUCCEEDED");
    const accountId = done.accountId!;
    await s.moveAccount(ctx({ accountId, sourceParentId: rootId, destinationParentId: inner.id }));

    const tree = await s.getOrganizationTree(ctx(undefined));
    assert.deepEqual(
      tree.units.map((u) => [u.name, u.parentId]),
      [
        ["Workloads", rootId],
        ["Dev", ou.id],
      ],
    );
    assert.equal(tree.accounts.find((a) => a.id === accountId)?.parentId, inner.id);
    const account = await s.describeAccount(ctx({ accountId }));
    assert.deepEqual(
      account.ancestors.map((a) => [a.type, a.name]),
      [
        ["ROOT", "Root"],
        ["ORGANIZATIONAL_UNIT", "Workloads"],
        ["ORGANIZATIONAL_UNIT", "Dev"],
      ],
    );

    const scp = await s.createPolicy(
      ctx({ type: "SERVICE_CONTROL_POLICY", name: "DenyCreateUser", description: "", content: DENY_CREATE_USER, tags: [] }),
    );
    await s.attachPolicy(ctx({ targetId: ou.id, policyId: scp.id }));
    const policies = await s.listTargetPolicies(ctx({ targetId: accountId, type: "SERVICE_CONTROL_POLICY" }));
    assert.deepEqual(
      policies.attached.map((p) => p.name),
      ["FullAWSAccess"],
    );
    assert.deepEqual(
      policies.inherited.map((i) => [i.from.name, i.policies.map((p) => p.name)]),
      [
        ["Root", ["FullAWSAccess"]],
        ["Workloads", ["FullAWSAccess", "DenyCreateUser"]],
        ["Dev", ["FullAWSAccess"]],
      ],
    );
    assert.deepEqual(await s.listTags(ctx({ resourceId: inner.id })), [{ Key: "team", Value: "a" }]);
    assert.deepEqual(await s.replaceTags(ctx({ resourceId: inner.id, tags: [{ Key: "env", Value: "dev" }] })), [
      { Key: "env", Value: "dev" },
    ]);
    assert.deepEqual(await s.listTags(ctx({ resourceId: inner.id })), [{ Key: "env", Value: "dev" }]);
  });

  it("passes AWS's attachment and deletion errors through with their code and message", async () => {
    await s.createOrganization(ctx(undefined));
    const rootId = (await s.getOrganizationTree(ctx(undefined))).roots[0].id;
    const ou = await s.createOrganizationalUnit(ctx({ parentId: rootId, name: "Sandbox", tags: [] }));
    const scp = await s.createPolicy(
      ctx({ type: "SERVICE_CONTROL_POLICY", name: "Deny", description: "d", content: DENY_CREATE_USER, tags: [] }),
    );
    await s.attachPolicy(ctx({ targetId: ou.id, policyId: scp.id }));

    assert.deepEqual(await serviceError(s.attachPolicy(ctx({ targetId: ou.id, policyId: scp.id }))), {
      code: "DuplicatePolicyAttachment",
      message: "A policy with the specified name and type already exists.",
      status: 400,
    });
    await s.detachPolicy(ctx({ targetId: ou.id, policyId: "p-FullAWSAccess" }));
    assert.deepEqual(await serviceError(s.detachPolicy(ctx({ targetId: ou.id, policyId: scp.id }))), {
      code: "ConstraintViolation",
      message:
        "You attempted to detach a policy from an entity that would cause the entity to have fewer than the minimum number of policies of a certain type required.",
      status: 400,
    });
    assert.deepEqual(await serviceError(s.deletePolicy(ctx({ policyId: scp.id }))), {
      code: "PolicyInUse",
      message:
        "The policy is attached to one or more entities. You must detach it from all roots, OUs, and accounts before performing this operation.",
      status: 400,
    });
    assert.deepEqual(
      (await s.listPolicyTargets(ctx({ policyId: scp.id }))).map((t) => [t.targetId, t.name, t.type]),
      [[ou.id, "Sandbox", "ORGANIZATIONAL_UNIT"]],
    );
    const policies = await s.listPolicies(ctx({ type: "SERVICE_CONTROL_POLICY" }));
    assert.deepEqual(
      policies.map((p) => [p.name, p.awsManaged]),
      [
        ["FullAWSAccess", true],
        ["Deny", false],
      ],
    );
  });
});
