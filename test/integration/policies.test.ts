import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DetachUserPolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  ListEntitiesForPolicyCommand,
  ListPoliciesCommand,
  ListPolicyTagsCommand,
  ListPolicyVersionsCommand,
  SetDefaultPolicyVersionCommand,
  TagPolicyCommand,
  UntagPolicyCommand,
  type ListPoliciesCommandInput,
  type Policy,
} from "@aws-sdk/client-iam";
import { awsError, startHarness, unique, type Harness } from "../helpers/local-aws";

const ACCOUNT = "000000000000";
const ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
const doc = (action = "s3:ListBucket") =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: action, Resource: "*" }] });
const trust = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

describe("IAM managed policies", () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.stop());

  const createPolicy = async (name: string, extra: Partial<ConstructorParameters<typeof CreatePolicyCommand>[0]> = {}) =>
    (await h.iam.send(new CreatePolicyCommand({ PolicyName: name, PolicyDocument: doc(), ...extra }))).Policy!;

  async function listAll(input: ListPoliciesCommandInput): Promise<Policy[]> {
    const all: Policy[] = [];
    let Marker: string | undefined;
    do {
      const page = await h.iam.send(new ListPoliciesCommand({ ...input, Marker }));
      all.push(...page.Policies!);
      Marker = page.IsTruncated ? page.Marker : undefined;
    } while (Marker);
    return all;
  }

  it("creates a policy with AWS's ID, ARN and Policy shape; GetPolicy adds Description and Tags", async () => {
    const name = unique("pol");
    const p = await createPolicy(name, { Path: "/team/", Description: "reads buckets" });
    assert.match(p.PolicyId!, /^ANPA[A-Z0-9]{17}$/);
    assert.equal(p.Arn, `arn:aws:iam::${ACCOUNT}:policy/team/${name}`);
    assert.equal(p.Path, "/team/");
    assert.equal(p.DefaultVersionId, "v1");
    assert.equal(p.AttachmentCount, 0);
    assert.equal(p.PermissionsBoundaryUsageCount, 0);
    assert.equal(p.IsAttachable, true);
    assert.ok(p.CreateDate instanceof Date);
    assert.deepEqual(p.UpdateDate, p.CreateDate);
    assert.equal(p.Description, undefined);
    assert.equal(p.Tags, undefined);
    const { Policy } = await h.iam.send(new GetPolicyCommand({ PolicyArn: p.Arn }));
    assert.equal(Policy!.Description, "reads buckets");
    assert.deepEqual(Policy!.Tags, []);
    assert.equal(Policy!.PolicyId, p.PolicyId);
  });

  it("returns the given tags from CreatePolicy", async () => {
    const p = await createPolicy(unique("tagged"), {
      Tags: [
        { Key: "team", Value: "red" },
        { Key: "env", Value: "" },
      ],
    });
    assert.deepEqual(p.Tags, [
      { Key: "team", Value: "red" },
      { Key: "env", Value: "" },
    ]);
  });

  it("rejects a duplicate name case-insensitively, whatever the path, with EntityAlreadyExists (409)", async () => {
    const name = unique("Dup");
    await createPolicy(name);
    const e = await awsError(createPolicy(name.toLowerCase(), { Path: "/other/" }));
    assert.deepEqual(e, {
      name: "EntityAlreadyExistsException",
      status: 409,
      message: `A policy called ${name.toLowerCase()} already exists. Duplicate names are not allowed.`,
    });
  });

  it("validates the document: MalformedPolicyDocument, and 6,144 characters not counting whitespace", async () => {
    const bad = await awsError(createPolicy(unique("bad"), { PolicyDocument: "not json" }));
    assert.deepEqual(bad, { name: "MalformedPolicyDocumentException", status: 400, message: "Syntax errors in policy." });
    const sized = (len: number) => {
      const base = doc("s3:A").replace(/\s/g, "");
      return base.replace("s3:A", "s3:" + "A".repeat(len - base.length + 1));
    };
    assert.equal(sized(6144).length, 6144);
    await createPolicy(unique("max"), { PolicyDocument: sized(6144).replace(/,/g, ",   \n") });
    const big = await awsError(createPolicy(unique("big"), { PolicyDocument: sized(6145) }));
    assert.deepEqual(big, { name: "LimitExceededException", status: 409, message: "Cannot exceed quota for PolicySize: 6144" });
    const p = await createPolicy(unique("grow"));
    const e = await awsError(h.iam.send(new CreatePolicyVersionCommand({ PolicyArn: p.Arn, PolicyDocument: sized(6145) })));
    assert.equal(e.message, "Cannot exceed quota for PolicySize: 6144");
  });

  it("reports missing policies with AWS's per-action wording", async () => {
    const arn = `arn:aws:iam::${ACCOUNT}:policy/${unique("ghost")}`;
    const notFound = { name: "NoSuchEntityException", status: 404, message: `Policy ${arn} was not found.` };
    assert.deepEqual(await awsError(h.iam.send(new GetPolicyCommand({ PolicyArn: arn }))), notFound);
    assert.deepEqual(await awsError(h.iam.send(new DeletePolicyCommand({ PolicyArn: arn }))), notFound);
    assert.deepEqual(await awsError(h.iam.send(new TagPolicyCommand({ PolicyArn: arn, Tags: [{ Key: "a", Value: "b" }] }))), notFound);
    assert.deepEqual(await awsError(h.iam.send(new UntagPolicyCommand({ PolicyArn: arn, TagKeys: ["a"] }))), notFound);
    assert.deepEqual(await awsError(h.iam.send(new ListPolicyTagsCommand({ PolicyArn: arn }))), notFound);
    assert.deepEqual(await awsError(h.iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }))), notFound);
    assert.deepEqual(await awsError(h.iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: doc() }))), notFound);
    const version = {
      name: "NoSuchEntityException",
      status: 404,
      message: `Policy ${arn} version v1 does not exist or is not attachable.`,
    };
    assert.deepEqual(await awsError(h.iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: "v1" }))), version);
    assert.deepEqual(await awsError(h.iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: "v1" }))), version);
    assert.deepEqual(await awsError(h.iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: "v1" }))), version);
    const entities = await awsError(h.iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn })));
    assert.deepEqual(entities, {
      name: "NoSuchEntityException",
      status: 404,
      message: `Policy ${arn} does not exist or is not attachable.`,
    });
    const other = `arn:aws:iam::111122223333:policy/${unique("theirs")}`;
    assert.equal((await awsError(h.iam.send(new GetPolicyCommand({ PolicyArn: other })))).message, `Policy ${other} was not found.`);
    const invalid = "arn:aws:iam::000000000000:user/someone";
    assert.deepEqual(await awsError(h.iam.send(new GetPolicyCommand({ PolicyArn: invalid }))), {
      name: "InvalidInputException",
      status: 400,
      message: `ARN ${invalid} is not valid.`,
    });
  });

  it("creates versions v2..v5, never reuses an ID, and enforces the 5-version quota", async () => {
    const p = await createPolicy(unique("ver"));
    const v2 = (await h.iam.send(new CreatePolicyVersionCommand({ PolicyArn: p.Arn, PolicyDocument: doc("s3:GetObject") }))).PolicyVersion!;
    assert.equal(v2.VersionId, "v2");
    assert.equal(v2.IsDefaultVersion, false);
    assert.equal(v2.Document, undefined);
    assert.ok(v2.CreateDate instanceof Date);
    for (const n of [3, 4, 5]) {
      const v = await h.iam.send(new CreatePolicyVersionCommand({ PolicyArn: p.Arn, PolicyDocument: doc() }));
      assert.equal(v.PolicyVersion!.VersionId, `v${n}`);
    }
    const full = await awsError(h.iam.send(new CreatePolicyVersionCommand({ PolicyArn: p.Arn, PolicyDocument: doc() })));
    assert.deepEqual(full, {
      name: "LimitExceededException",
      status: 409,
      message: "A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.",
    });
    const list = await h.iam.send(new ListPolicyVersionsCommand({ PolicyArn: p.Arn }));
    assert.deepEqual(
      list.Versions!.map((v) => [v.VersionId, v.IsDefaultVersion]),
      [
        ["v5", false],
        ["v4", false],
        ["v3", false],
        ["v2", false],
        ["v1", true],
      ],
    );
    assert.equal(list.Versions![0].Document, undefined);
    const page = await h.iam.send(new ListPolicyVersionsCommand({ PolicyArn: p.Arn, MaxItems: 2 }));
    assert.equal(page.IsTruncated, true);
    const rest = await h.iam.send(new ListPolicyVersionsCommand({ PolicyArn: p.Arn, Marker: page.Marker }));
    assert.deepEqual(
      rest.Versions!.map((v) => v.VersionId),
      ["v3", "v2", "v1"],
    );
    await h.iam.send(new DeletePolicyVersionCommand({ PolicyArn: p.Arn, VersionId: "v5" }));
    const v6 = await h.iam.send(new CreatePolicyVersionCommand({ PolicyArn: p.Arn, PolicyDocument: doc(), SetAsDefault: true }));
    assert.equal(v6.PolicyVersion!.VersionId, "v6");
    assert.equal(v6.PolicyVersion!.IsDefaultVersion, true);
    assert.equal((await h.iam.send(new GetPolicyCommand({ PolicyArn: p.Arn }))).Policy!.DefaultVersionId, "v6");
  });

  it("returns a version's document URL-encoded, exactly as it was sent", async () => {
    const pretty = JSON.stringify(JSON.parse(doc("s3:Get*")), null, 2);
    const p = await createPolicy(unique("doc"), { PolicyDocument: pretty });
    const { PolicyVersion } = await h.iam.send(new GetPolicyVersionCommand({ PolicyArn: p.Arn, VersionId: "v1" }));
    assert.equal(PolicyVersion!.Document, encodeURIComponent(pretty));
    assert.equal(PolicyVersion!.IsDefaultVersion, true);
    const missing = await awsError(h.iam.send(new GetPolicyVersionCommand({ PolicyArn: p.Arn, VersionId: "v9" })));
    assert.equal(missing.message, `Policy ${p.Arn} version v9 does not exist or is not attachable.`);
  });

  it("keeps the default version: it cannot be deleted, and SetDefaultPolicyVersion moves it", async () => {
    const p = await createPolicy(unique("def"));
    await h.iam.send(new CreatePolicyVersionCommand({ PolicyArn: p.Arn, PolicyDocument: doc("ec2:Describe*") }));
    const e = await awsError(h.iam.send(new DeletePolicyVersionCommand({ PolicyArn: p.Arn, VersionId: "v1" })));
    assert.deepEqual(e, { name: "DeleteConflictException", status: 409, message: "Cannot delete the default version of a policy." });
    await new Promise((r) => setTimeout(r, 1100));
    await h.iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: p.Arn, VersionId: "v2" }));
    const { Policy } = await h.iam.send(new GetPolicyCommand({ PolicyArn: p.Arn }));
    assert.equal(Policy!.DefaultVersionId, "v2");
    assert.ok(Policy!.UpdateDate! > Policy!.CreateDate!);
    const missing = await awsError(h.iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: p.Arn, VersionId: "v7" })));
    assert.deepEqual(missing, {
      name: "NoSuchEntityException",
      status: 404,
      message: `Policy ${p.Arn} version v7 does not exist or is not attachable.`,
    });
    await h.iam.send(new DeletePolicyVersionCommand({ PolicyArn: p.Arn, VersionId: "v1" }));
    const left = await h.iam.send(new ListPolicyVersionsCommand({ PolicyArn: p.Arn }));
    assert.deepEqual(
      left.Versions!.map((v) => [v.VersionId, v.IsDefaultVersion]),
      [["v2", true]],
    );
  });

  it("refuses DeletePolicy while versions, attachments or boundary uses remain", async () => {
    const p = await createPolicy(unique("del"), { Tags: [{ Key: "k", Value: "v" }] });
    await h.iam.send(new CreatePolicyVersionCommand({ PolicyArn: p.Arn, PolicyDocument: doc() }));
    const versions = await awsError(h.iam.send(new DeletePolicyCommand({ PolicyArn: p.Arn })));
    assert.deepEqual(versions, {
      name: "DeleteConflictException",
      status: 409,
      message:
        "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
    });
    await h.iam.send(new DeletePolicyVersionCommand({ PolicyArn: p.Arn, VersionId: "v2" }));
    const user = unique("holder");
    await h.iam.send(new CreateUserCommand({ UserName: user }));
    await h.iam.send(new AttachUserPolicyCommand({ UserName: user, PolicyArn: p.Arn }));
    const attached = { name: "DeleteConflictException", status: 409, message: "Cannot delete a policy attached to entities." };
    assert.deepEqual(await awsError(h.iam.send(new DeletePolicyCommand({ PolicyArn: p.Arn }))), attached);
    await h.iam.send(new DetachUserPolicyCommand({ UserName: user, PolicyArn: p.Arn }));
    await h.iam.send(new CreateUserCommand({ UserName: unique("bounded"), PermissionsBoundary: p.Arn }));
    assert.deepEqual(await awsError(h.iam.send(new DeletePolicyCommand({ PolicyArn: p.Arn }))), attached);

    const q = await createPolicy(unique("gone"), { Tags: [{ Key: "k", Value: "v" }] });
    await h.iam.send(new DeletePolicyCommand({ PolicyArn: q.Arn }));
    assert.equal((await awsError(h.iam.send(new GetPolicyCommand({ PolicyArn: q.Arn })))).name, "NoSuchEntityException");
    const leftovers = h.aws.db.prepare("SELECT COUNT(*) AS n FROM tags WHERE resource_type = 'policy' AND resource_id = ?").get(q.PolicyId);
    assert.deepEqual(leftovers, { n: 0 });
  });

  it("serves AWS managed policies read-only, counting this account's use of them", async () => {
    const { Policy } = await h.iam.send(new GetPolicyCommand({ PolicyArn: ADMIN }));
    assert.equal(Policy!.PolicyName, "AdministratorAccess");
    assert.match(Policy!.PolicyId!, /^ANPA[A-Z0-9]{17}$/);
    assert.equal(Policy!.Path, "/");
    assert.equal(Policy!.DefaultVersionId, "v1");
    assert.equal(Policy!.IsAttachable, true);
    assert.deepEqual(Policy!.CreateDate, new Date("2015-02-06T18:39:46Z"));
    assert.deepEqual(Policy!.Tags, []);
    const { PolicyVersion } = await h.iam.send(new GetPolicyVersionCommand({ PolicyArn: ADMIN, VersionId: "v1" }));
    assert.deepEqual(JSON.parse(decodeURIComponent(PolicyVersion!.Document!)), {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
    });
    const lambda = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
    const basic = (await h.iam.send(new GetPolicyCommand({ PolicyArn: lambda }))).Policy!;
    assert.equal(basic.Path, "/service-role/");
    const versions = await h.iam.send(new ListPolicyVersionsCommand({ PolicyArn: lambda }));
    assert.deepEqual(
      versions.Versions!.map((v) => [v.VersionId, v.IsDefaultVersion]),
      [[basic.DefaultVersionId, true]],
    );
    assert.deepEqual((await h.iam.send(new ListPolicyTagsCommand({ PolicyArn: lambda }))).Tags, []);

    const role = unique("lambda");
    await h.iam.send(new CreateRoleCommand({ RoleName: role, AssumeRolePolicyDocument: trust }));
    const before = (await h.iam.send(new GetPolicyCommand({ PolicyArn: lambda }))).Policy!.AttachmentCount!;
    await h.iam.send(new AttachRolePolicyCommand({ RoleName: role, PolicyArn: lambda }));
    assert.equal((await h.iam.send(new GetPolicyCommand({ PolicyArn: lambda }))).Policy!.AttachmentCount, before + 1);
  });

  it("refuses every change to an AWS managed policy with AccessDenied (403)", async () => {
    const denied = (message: string) => ({ name: "AccessDenied", status: 403, message });
    const update = denied("Cannot update policies outside your own account.");
    assert.deepEqual(
      await awsError(h.iam.send(new DeletePolicyCommand({ PolicyArn: ADMIN }))),
      denied("Cannot delete policies outside your own account."),
    );
    assert.deepEqual(
      await awsError(h.iam.send(new DeletePolicyVersionCommand({ PolicyArn: ADMIN, VersionId: "v2" }))),
      denied("Cannot delete policy versions for policies outside your own account."),
    );
    assert.deepEqual(await awsError(h.iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: ADMIN, VersionId: "v1" }))), update);
    assert.deepEqual(await awsError(h.iam.send(new CreatePolicyVersionCommand({ PolicyArn: ADMIN, PolicyDocument: doc() }))), update);
    assert.deepEqual(await awsError(h.iam.send(new TagPolicyCommand({ PolicyArn: ADMIN, Tags: [{ Key: "a", Value: "b" }] }))), update);
    assert.deepEqual(await awsError(h.iam.send(new UntagPolicyCommand({ PolicyArn: ADMIN, TagKeys: ["a"] }))), update);
    assert.equal((await h.iam.send(new GetPolicyCommand({ PolicyArn: ADMIN }))).Policy!.DefaultVersionId, "v1");
  });

  it("lists policies by Scope and PathPrefix in AWS's creation order, paginated, without Tags or Description", async () => {
    const path = `/${unique("list")}/`;
    const names: string[] = [];
    for (let i = 0; i < 5; i++) {
      const name = `p${i}-${unique("z")}`;
      names.push(name);
      await createPolicy(name, { Path: path, Description: "d", Tags: [{ Key: "t", Value: "v" }] });
    }
    const seen: string[] = [];
    let Marker: string | undefined;
    do {
      const page = await h.iam.send(new ListPoliciesCommand({ Scope: "Local", PathPrefix: path, MaxItems: 2, Marker }));
      assert.ok(page.Policies!.length <= 2);
      for (const p of page.Policies!) {
        assert.equal(p.Tags, undefined);
        assert.equal(p.Description, undefined);
        assert.equal(p.PermissionsBoundaryUsageCount, 0);
      }
      seen.push(...page.Policies!.map((p) => p.PolicyName!));
      Marker = page.IsTruncated ? page.Marker : undefined;
    } while (Marker);
    assert.deepEqual(seen, names);

    const local = await listAll({ Scope: "Local", MaxItems: 1000 });
    assert.ok(local.every((p) => p.Arn!.startsWith(`arn:aws:iam::${ACCOUNT}:policy/`)));
    const aws = await listAll({ Scope: "AWS", MaxItems: 1000 });
    assert.ok(aws.length > 1000);
    assert.ok(aws.every((p) => p.Arn!.startsWith("arn:aws:iam::aws:policy/")));
    assert.deepEqual(
      aws.slice(0, 3).map((p) => p.PolicyName),
      ["AdministratorAccess", "PowerUserAccess", "ReadOnlyAccess"],
    );
    const all = await listAll({ MaxItems: 1000 });
    assert.equal(all.length, local.length + aws.length);
    assert.equal(new Set(all.map((p) => p.Arn)).size, all.length);
    const jobs = await listAll({ Scope: "AWS", PathPrefix: "/job-function/" });
    assert.ok(jobs.length > 0 && jobs.every((p) => p.Path === "/job-function/"));
  });

  it("filters ListPolicies with OnlyAttached and PolicyUsageFilter", async () => {
    const path = `/${unique("used")}/`;
    const attached = await createPolicy(unique("att"), { Path: path });
    const boundary = await createPolicy(unique("pb"), { Path: path });
    await createPolicy(unique("idle"), { Path: path });
    const group = unique("grp");
    await h.iam.send(new CreateGroupCommand({ GroupName: group }));
    await h.iam.send(new AttachGroupPolicyCommand({ GroupName: group, PolicyArn: attached.Arn }));
    await h.iam.send(
      new CreateRoleCommand({ RoleName: unique("bounded"), AssumeRolePolicyDocument: trust, PermissionsBoundary: boundary.Arn }),
    );
    const names = async (input: ListPoliciesCommandInput) =>
      (await listAll({ Scope: "Local", PathPrefix: path, ...input })).map((p) => p.PolicyName);
    assert.deepEqual(await names({ OnlyAttached: true }), [attached.PolicyName]);
    assert.deepEqual(await names({ PolicyUsageFilter: "PermissionsPolicy" }), [attached.PolicyName]);
    assert.deepEqual(await names({ OnlyAttached: true, PolicyUsageFilter: "PermissionsBoundary" }), [boundary.PolicyName]);
    const listed = await listAll({ Scope: "Local", PathPrefix: path, PolicyUsageFilter: "PermissionsBoundary" });
    assert.equal(listed[0].PermissionsBoundaryUsageCount, 1);
    assert.equal((await listAll({ Scope: "Local", PathPrefix: path, OnlyAttached: true }))[0].AttachmentCount, 1);
    const awsAttached = await listAll({ Scope: "AWS", OnlyAttached: true });
    assert.ok(awsAttached.every((p) => p.AttachmentCount! > 0));
  });

  it("lists the users, groups and roles a policy is attached to, with filters and pages", async () => {
    const p = await createPolicy(unique("ent"));
    const user = unique("u");
    const group = unique("g");
    const role = unique("r");
    const { User } = await h.iam.send(new CreateUserCommand({ UserName: user, Path: "/people/" }));
    const { Group } = await h.iam.send(new CreateGroupCommand({ GroupName: group }));
    const { Role } = await h.iam.send(new CreateRoleCommand({ RoleName: role, AssumeRolePolicyDocument: trust }));
    const empty = await h.iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: p.Arn }));
    assert.deepEqual([empty.PolicyGroups, empty.PolicyUsers, empty.PolicyRoles, empty.IsTruncated], [[], [], [], false]);
    await h.iam.send(new AttachUserPolicyCommand({ UserName: user, PolicyArn: p.Arn }));
    await h.iam.send(new AttachGroupPolicyCommand({ GroupName: group, PolicyArn: p.Arn }));
    await h.iam.send(new AttachRolePolicyCommand({ RoleName: role, PolicyArn: p.Arn }));

    const all = await h.iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: p.Arn }));
    assert.deepEqual(all.PolicyUsers, [{ UserName: user, UserId: User!.UserId }]);
    assert.deepEqual(all.PolicyGroups, [{ GroupName: group, GroupId: Group!.GroupId }]);
    assert.deepEqual(all.PolicyRoles, [{ RoleName: role, RoleId: Role!.RoleId }]);
    const roles = await h.iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: p.Arn, EntityFilter: "Role" }));
    assert.deepEqual([roles.PolicyUsers, roles.PolicyGroups, roles.PolicyRoles!.length], [[], [], 1]);
    const local = await h.iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: p.Arn, EntityFilter: "LocalManagedPolicy" }));
    assert.deepEqual([local.PolicyUsers, local.PolicyGroups, local.PolicyRoles], [[], [], []]);
    const people = await h.iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: p.Arn, PathPrefix: "/people/" }));
    assert.deepEqual([people.PolicyUsers!.length, people.PolicyGroups, people.PolicyRoles], [1, [], []]);
    const first = await h.iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: p.Arn, MaxItems: 2 }));
    assert.equal(first.IsTruncated, true);
    const second = await h.iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: p.Arn, Marker: first.Marker }));
    const count = (r: typeof first) => r.PolicyUsers!.length + r.PolicyGroups!.length + r.PolicyRoles!.length;
    assert.deepEqual([count(first), count(second), second.IsTruncated], [2, 1, false]);
    assert.equal((await h.iam.send(new GetPolicyCommand({ PolicyArn: p.Arn }))).Policy!.AttachmentCount, 3);

    const bounded = unique("pbu");
    await h.iam.send(new CreateUserCommand({ UserName: bounded, PermissionsBoundary: p.Arn }));
    const pb = await h.iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: p.Arn, PolicyUsageFilter: "PermissionsBoundary" }));
    assert.deepEqual([pb.PolicyUsers!.map((u) => u.UserName), pb.PolicyGroups, pb.PolicyRoles], [[bounded], [], []]);
    assert.equal((await h.iam.send(new GetPolicyCommand({ PolicyArn: p.Arn }))).Policy!.PermissionsBoundaryUsageCount, 1);
  });

  it("tags policies with case-sensitive keys, listing them by key length then key", async () => {
    const p = await createPolicy(unique("tags"));
    await h.iam.send(
      new TagPolicyCommand({
        PolicyArn: p.Arn,
        Tags: [
          { Key: "someotherkey", Value: "x" },
          { Key: "a", Value: "lower" },
        ],
      }),
    );
    await h.iam.send(
      new TagPolicyCommand({
        PolicyArn: p.Arn,
        Tags: [
          { Key: "A", Value: "upper" },
          { Key: "someotherkey", Value: "y" },
        ],
      }),
    );
    const { Tags } = await h.iam.send(new ListPolicyTagsCommand({ PolicyArn: p.Arn }));
    assert.deepEqual(Tags, [
      { Key: "A", Value: "upper" },
      { Key: "a", Value: "lower" },
      { Key: "someotherkey", Value: "y" },
    ]);
    const page = await h.iam.send(new ListPolicyTagsCommand({ PolicyArn: p.Arn, MaxItems: 1 }));
    assert.deepEqual([page.Tags, page.IsTruncated], [[{ Key: "A", Value: "upper" }], true]);
    await h.iam.send(new UntagPolicyCommand({ PolicyArn: p.Arn, TagKeys: ["a", "missing"] }));
    const left = await h.iam.send(new ListPolicyTagsCommand({ PolicyArn: p.Arn }));
    assert.deepEqual(
      left.Tags!.map((t) => t.Key),
      ["A", "someotherkey"],
    );
    const dup = await awsError(
      h.iam.send(
        new TagPolicyCommand({
          PolicyArn: p.Arn,
          Tags: [
            { Key: "k", Value: "1" },
            { Key: "k", Value: "2" },
          ],
        }),
      ),
    );
    assert.deepEqual(dup, { name: "InvalidInputException", status: 400, message: "Duplicate tag keys found." });
    const many = Array.from({ length: 49 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
    const over = await awsError(h.iam.send(new TagPolicyCommand({ PolicyArn: p.Arn, Tags: many })));
    assert.deepEqual(over, { name: "LimitExceededException", status: 409, message: "The number of tags has reached the maximum limit." });
  });

  it("keeps the catalogue through a reset", async () => {
    const p = await createPolicy(unique("wiped"));
    const adminId = (await h.iam.send(new GetPolicyCommand({ PolicyArn: ADMIN }))).Policy!.PolicyId;
    const count = () => (h.aws.db.prepare("SELECT COUNT(*) AS n FROM policies WHERE account_id = 'aws'").get() as { n: number }).n;
    const before = count();
    await h.reset();
    assert.equal(count(), before);
    assert.equal((await h.iam.send(new GetPolicyCommand({ PolicyArn: ADMIN }))).Policy!.PolicyId, adminId);
    assert.equal((await awsError(h.iam.send(new GetPolicyCommand({ PolicyArn: p.Arn })))).name, "NoSuchEntityException");
    const { PolicyVersion } = await h.iam.send(new GetPolicyVersionCommand({ PolicyArn: ADMIN, VersionId: "v1" }));
    assert.ok(PolicyVersion!.Document);
  });

  it("enforces the 1,500 customer managed policies quota", async () => {
    const own = await startHarness();
    try {
      const insert = own.aws.db.prepare(
        `INSERT INTO policies (policy_id, account_id, name, name_lc, path, arn, default_version_id, next_version, create_date, update_date)
         VALUES (?, ?, ?, ?, '/', ?, 'v1', 2, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
      );
      own.aws.db.transaction(() => {
        for (let i = 0; i < 1499; i++) insert.run(`ANPAQUOTA${i}`, ACCOUNT, `q${i}`, `q${i}`, `arn:aws:iam::${ACCOUNT}:policy/q${i}`);
      })();
      await own.iam.send(new CreatePolicyCommand({ PolicyName: "last", PolicyDocument: doc() }));
      const e = await awsError(own.iam.send(new CreatePolicyCommand({ PolicyName: "one-too-many", PolicyDocument: doc() })));
      assert.deepEqual(e, { name: "LimitExceededException", status: 409, message: "Cannot exceed quota for PoliciesPerAccount: 1500" });
    } finally {
      await own.stop();
    }
  });

  it("seeds the catalogue on the first start only", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "clef-policies-"));
    const rowids = async () => {
      const run = await startHarness({ dataDir });
      const { PolicyId } = (await run.iam.send(new GetPolicyCommand({ PolicyArn: ADMIN }))).Policy!;
      const span = run.aws.db
        .prepare("SELECT MIN(rowid) AS lo, MAX(rowid) AS hi, COUNT(*) AS n FROM policies WHERE account_id = 'aws'")
        .get();
      await run.stop();
      return { PolicyId, span };
    };
    try {
      const first = await rowids();
      assert.deepEqual(await rowids(), first);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
