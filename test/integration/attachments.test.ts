import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteGroupCommand,
  DeleteRoleCommand,
  DeleteUserCommand,
  DetachGroupPolicyCommand,
  DetachRolePolicyCommand,
  DetachUserPolicyCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  type IAMClient,
} from "@aws-sdk/client-iam";
import { awsError, startHarness, unique, type Harness } from "../helpers/local-aws";

const DOC = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:ListBucket", Resource: "*" }] });
const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

type Kind = "User" | "Group" | "Role";

/** The same calls for users, groups and roles, so every test runs against all three. */
function attachments(iam: IAMClient, kind: Kind, name: string) {
  const send = (command: unknown) => iam.send(command as never) as Promise<any>;
  return {
    attach: (PolicyArn: string) =>
      send(
        kind === "User"
          ? new AttachUserPolicyCommand({ UserName: name, PolicyArn })
          : kind === "Group"
            ? new AttachGroupPolicyCommand({ GroupName: name, PolicyArn })
            : new AttachRolePolicyCommand({ RoleName: name, PolicyArn }),
      ),
    detach: (PolicyArn: string) =>
      send(
        kind === "User"
          ? new DetachUserPolicyCommand({ UserName: name, PolicyArn })
          : kind === "Group"
            ? new DetachGroupPolicyCommand({ GroupName: name, PolicyArn })
            : new DetachRolePolicyCommand({ RoleName: name, PolicyArn }),
      ),
    list: (opts: { PathPrefix?: string; MaxItems?: number; Marker?: string } = {}) =>
      send(
        kind === "User"
          ? new ListAttachedUserPoliciesCommand({ UserName: name, ...opts })
          : kind === "Group"
            ? new ListAttachedGroupPoliciesCommand({ GroupName: name, ...opts })
            : new ListAttachedRolePoliciesCommand({ RoleName: name, ...opts }),
      ),
  };
}

describe("IAM managed policy attachments", () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.stop());

  async function create(kind: Kind): Promise<string> {
    const name = unique(kind.toLowerCase());
    if (kind === "User") await h.iam.send(new CreateUserCommand({ UserName: name }));
    if (kind === "Group") await h.iam.send(new CreateGroupCommand({ GroupName: name }));
    if (kind === "Role") await h.iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: TRUST }));
    return name;
  }

  async function createPolicy(prefix = "pol", Path?: string): Promise<{ name: string; arn: string }> {
    const name = unique(prefix);
    const { Policy } = await h.iam.send(new CreatePolicyCommand({ PolicyName: name, Path, PolicyDocument: DOC }));
    return { name, arn: Policy!.Arn! };
  }

  for (const kind of ["User", "Group", "Role"] as Kind[]) {
    const lc = kind.toLowerCase();

    it(`attaches (idempotently), lists and detaches a ${lc} policy`, async () => {
      const api = attachments(h.iam, kind, await create(kind));
      const policy = await createPolicy();
      const empty = await api.list();
      assert.deepEqual(empty.AttachedPolicies, []);
      assert.equal(empty.IsTruncated, false);
      assert.equal(empty.Marker, undefined);
      await api.attach(policy.arn);
      await api.attach(policy.arn);
      const listed = await api.list();
      assert.deepEqual(listed.AttachedPolicies, [{ PolicyName: policy.name, PolicyArn: policy.arn }]);
      assert.equal(listed.IsTruncated, false);
      await api.detach(policy.arn);
      assert.deepEqual((await api.list()).AttachedPolicies, []);
      const again = await awsError(api.detach(policy.arn));
      assert.deepEqual(again, { name: "NoSuchEntityException", status: 404, message: `Policy ${policy.arn} was not found.` });
    });

    it(`refuses unknown and malformed policy ARNs for a ${lc}`, async () => {
      const api = attachments(h.iam, kind, await create(kind));
      const missing = "arn:aws:iam::000000000000:policy/does-not-exist";
      assert.deepEqual(await awsError(api.attach(missing)), {
        name: "NoSuchEntityException",
        status: 404,
        message: `Policy ${missing} does not exist or is not attachable.`,
      });
      const foreign = "arn:aws:iam::123456789012:policy/elsewhere";
      assert.equal((await awsError(api.attach(foreign))).message, `Policy ${foreign} does not exist or is not attachable.`);
      const malformed = "arn:aws:iam:aws:policy/AdministratorAccess";
      assert.deepEqual(await awsError(api.attach(malformed)), {
        name: "InvalidInputException",
        status: 400,
        message: `ARN ${malformed} is not valid.`,
      });
      assert.deepEqual(await awsError(api.detach(malformed)), {
        name: "InvalidInputException",
        status: 400,
        message: `ARN ${malformed} is not valid.`,
      });
      const china = "arn:aws-cn:iam::aws:policy/ReadOnlyAccess";
      assert.deepEqual(await awsError(api.attach(china)), { name: "ValidationError", status: 400, message: "Invalid ARN partition" });
      assert.deepEqual((await api.list()).AttachedPolicies, []);
    });

    it(`reports a missing ${lc} with NoSuchEntity (404)`, async () => {
      const api = attachments(h.iam, kind, "ghost");
      const policy = await createPolicy();
      const expected = { name: "NoSuchEntityException", status: 404, message: `The ${lc} with name ghost cannot be found.` };
      assert.deepEqual(await awsError(api.attach(policy.arn)), expected);
      assert.deepEqual(await awsError(api.detach(policy.arn)), expected);
      assert.deepEqual(await awsError(api.list()), expected);
    });

    it(`caps a ${lc} at 10 managed policies (LimitExceeded 409), filters by PathPrefix and paginates`, async () => {
      const api = attachments(h.iam, kind, await create(kind));
      const path = `/${unique("team")}/`;
      const policies = [];
      for (let i = 0; i < 11; i++) policies.push(await createPolicy(`q${i}`, i < 4 ? path : undefined));
      for (const p of policies.slice(0, 10)) await api.attach(p.arn);
      const e = await awsError(api.attach(policies[10].arn));
      assert.deepEqual(e, { name: "LimitExceededException", status: 409, message: `Cannot exceed quota for PoliciesPer${kind}: 10` });
      await api.attach(policies[0].arn);
      const filtered = await api.list({ PathPrefix: path });
      assert.deepEqual(
        filtered.AttachedPolicies.map((a: { PolicyArn: string }) => a.PolicyArn).sort(),
        policies
          .slice(0, 4)
          .map((p) => p.arn)
          .sort(),
      );
      const first = await api.list({ MaxItems: 6 });
      assert.equal(first.AttachedPolicies.length, 6);
      assert.equal(first.IsTruncated, true);
      const rest = await api.list({ MaxItems: 6, Marker: first.Marker });
      assert.equal(rest.AttachedPolicies.length, 4);
      assert.equal(rest.IsTruncated, false);
      const all = [...first.AttachedPolicies, ...rest.AttachedPolicies].map((a: { PolicyName: string }) => a.PolicyName);
      assert.deepEqual(
        all,
        policies
          .slice(0, 10)
          .map((p) => p.name)
          .sort(),
      );
    });
  }

  it("attaches AWS managed policies, sorted by name and filtered by their path", async () => {
    const api = attachments(h.iam, "Group", await create("Group"));
    const readOnly = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    const emr = "arn:aws:iam::aws:policy/service-role/AmazonElasticMapReduceforEC2Role";
    await api.attach(readOnly);
    await api.attach(emr);
    assert.deepEqual((await api.list()).AttachedPolicies, [
      { PolicyName: "AmazonElasticMapReduceforEC2Role", PolicyArn: emr },
      { PolicyName: "ReadOnlyAccess", PolicyArn: readOnly },
    ]);
    assert.deepEqual((await api.list({ PathPrefix: "/service-role/" })).AttachedPolicies, [
      { PolicyName: "AmazonElasticMapReduceforEC2Role", PolicyArn: emr },
    ]);
    const missing = "arn:aws:iam::aws:policy/NoSuchManagedPolicy";
    assert.equal((await awsError(api.attach(missing))).message, `Policy ${missing} does not exist or is not attachable.`);
    await api.detach(emr);
    assert.deepEqual((await api.list()).AttachedPolicies, [{ PolicyName: "ReadOnlyAccess", PolicyArn: readOnly }]);
  });

  it("lets exactly 10 of 30 parallel AttachUserPolicy calls succeed", async () => {
    const user = await create("User");
    const policies = [];
    for (let i = 0; i < 30; i++) policies.push(await createPolicy(`race${i}`));
    const api = attachments(h.iam, "User", user);
    const results = await Promise.allSettled(policies.map((p) => api.attach(p.arn)));
    assert.equal(results.filter((r) => r.status === "fulfilled").length, 10);
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    assert.equal(failures.length, 20);
    for (const f of failures) {
      assert.equal(f.reason.name, "LimitExceededException");
      assert.equal(f.reason.message, "Cannot exceed quota for PoliciesPerUser: 10");
    }
    assert.equal((await api.list()).AttachedPolicies.length, 10);
  });

  it("blocks deleting a user, group or role that still has attached policies", async () => {
    const policy = await createPolicy();
    const expected = { name: "DeleteConflictException", status: 409, message: "Cannot delete entity, must detach all policies first." };
    const user = await create("User");
    await attachments(h.iam, "User", user).attach(policy.arn);
    assert.deepEqual(await awsError(h.iam.send(new DeleteUserCommand({ UserName: user }))), expected);
    const group = await create("Group");
    await attachments(h.iam, "Group", group).attach(policy.arn);
    assert.deepEqual(await awsError(h.iam.send(new DeleteGroupCommand({ GroupName: group }))), expected);
    const role = await create("Role");
    await attachments(h.iam, "Role", role).attach(policy.arn);
    assert.deepEqual(await awsError(h.iam.send(new DeleteRoleCommand({ RoleName: role }))), expected);
    await attachments(h.iam, "Group", group).detach(policy.arn);
    await h.iam.send(new DeleteGroupCommand({ GroupName: group }));
  });
});
