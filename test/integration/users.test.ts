import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  CreateUserCommand,
  DeleteUserCommand,
  GetUserCommand,
  ListUserTagsCommand,
  ListUsersCommand,
  TagUserCommand,
  UntagUserCommand,
  UpdateUserCommand,
  PutUserPermissionsBoundaryCommand,
  DeleteUserPermissionsBoundaryCommand,
  GetAccountSummaryCommand,
  CreateGroupCommand,
  CreateRoleCommand,
  CreatePolicyCommand,
} from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { awsError, startHarness, unique, type Harness } from "../helpers/local-aws";

describe("IAM users", () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.stop());

  it("creates a user with AWS's ID, ARN and path shapes, and returns its tags", async () => {
    const name = unique("alice");
    const { User } = await h.iam.send(new CreateUserCommand({ UserName: name, Path: "/eng/", Tags: [{ Key: "team", Value: "red" }] }));
    assert.match(User!.UserId!, /^AIDA[A-Z0-9]{17}$/);
    assert.equal(User!.Arn, `arn:aws:iam::000000000000:user/eng/${name}`);
    assert.equal(User!.Path, "/eng/");
    assert.ok(User!.CreateDate instanceof Date);
    assert.deepEqual(User!.Tags, [{ Key: "team", Value: "red" }]);
    const got = await h.iam.send(new GetUserCommand({ UserName: name.toUpperCase() }));
    assert.equal(got.User!.UserName, name);
  });

  it("rejects a duplicate name case-insensitively with EntityAlreadyExists (409)", async () => {
    const name = unique("Bob");
    await h.iam.send(new CreateUserCommand({ UserName: name }));
    const e = await awsError(h.iam.send(new CreateUserCommand({ UserName: name.toLowerCase() })));
    assert.equal(e.name, "EntityAlreadyExistsException");
    assert.equal(e.status, 409);
    assert.equal(e.message, `User with name ${name.toLowerCase()} already exists.`);
  });

  it("validates names and paths with AWS's ValidationError wording", async () => {
    const bad = await awsError(h.iam.send(new CreateUserCommand({ UserName: "bad name!" })));
    assert.equal(bad.name, "ValidationError");
    assert.equal(
      bad.message,
      "1 validation error detected: Value 'bad name!' at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
    );
    const long = await awsError(h.iam.send(new CreateUserCommand({ UserName: "a".repeat(65), Path: "nope" })));
    assert.match(long.message, /^2 validation errors detected: /);
    assert.match(long.message, /Member must have length less than or equal to 64/);
  });

  it("reports a missing user with NoSuchEntity (404)", async () => {
    const e = await awsError(h.iam.send(new GetUserCommand({ UserName: "ghost" })));
    assert.equal(e.name, "NoSuchEntityException");
    assert.equal(e.status, 404);
    assert.equal(e.message, "The user with name ghost cannot be found.");
  });

  it("paginates ListUsers with Marker, IsTruncated and PathPrefix", async () => {
    const path = `/${unique("p")}/`;
    const names = Array.from({ length: 5 }, (_, i) => `${unique("page")}-${i}`);
    for (const n of names) await h.iam.send(new CreateUserCommand({ UserName: n, Path: path }));
    const seen: string[] = [];
    let Marker: string | undefined;
    do {
      const page = await h.iam.send(new ListUsersCommand({ PathPrefix: path, MaxItems: 2, Marker }));
      assert.ok(page.Users!.length <= 2);
      seen.push(...page.Users!.map((u) => u.UserName!));
      Marker = page.IsTruncated ? page.Marker : undefined;
      assert.equal(page.IsTruncated, Marker !== undefined);
    } while (Marker);
    assert.deepEqual(seen.sort(), [...names].sort());
    const e = await awsError(h.iam.send(new ListUsersCommand({ MaxItems: 1001 })));
    assert.equal(e.name, "ValidationError");
  });

  it("renames and moves a user, then deletes it", async () => {
    const name = unique("carol");
    await h.iam.send(new CreateUserCommand({ UserName: name }));
    await h.iam.send(new UpdateUserCommand({ UserName: name, NewUserName: `${name}-2`, NewPath: "/ops/" }));
    const { User } = await h.iam.send(new GetUserCommand({ UserName: `${name}-2` }));
    assert.equal(User!.Arn, `arn:aws:iam::000000000000:user/ops/${name}-2`);
    await h.iam.send(new DeleteUserCommand({ UserName: `${name}-2` }));
    assert.equal((await awsError(h.iam.send(new GetUserCommand({ UserName: `${name}-2` })))).name, "NoSuchEntityException");
  });

  it("tags and untags, with case-insensitive keys and the 50-tag quota", async () => {
    const name = unique("dave");
    await h.iam.send(new CreateUserCommand({ UserName: name }));
    await h.iam.send(
      new TagUserCommand({
        UserName: name,
        Tags: [
          { Key: "Env", Value: "prod" },
          { Key: "cost", Value: "1" },
        ],
      }),
    );
    await h.iam.send(new TagUserCommand({ UserName: name, Tags: [{ Key: "env", Value: "dev" }] }));
    let tags = (await h.iam.send(new ListUserTagsCommand({ UserName: name }))).Tags!;
    assert.deepEqual(tags, [
      { Key: "env", Value: "dev" },
      { Key: "cost", Value: "1" },
    ]);
    await h.iam.send(new UntagUserCommand({ UserName: name, TagKeys: ["COST"] }));
    tags = (await h.iam.send(new ListUserTagsCommand({ UserName: name }))).Tags!;
    assert.deepEqual(tags, [{ Key: "env", Value: "dev" }]);
    const many = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
    const e = await awsError(h.iam.send(new TagUserCommand({ UserName: name, Tags: many })));
    assert.equal(e.name, "LimitExceededException");
    assert.equal((await h.iam.send(new ListUserTagsCommand({ UserName: name }))).Tags!.length, 1);
  });

  it("sets and removes a permissions boundary, refusing unknown policies", async () => {
    const name = unique("erin");
    await h.iam.send(new CreateUserCommand({ UserName: name }));
    const unknown = "arn:aws:iam::000000000000:policy/none";
    const e = await awsError(h.iam.send(new PutUserPermissionsBoundaryCommand({ UserName: name, PermissionsBoundary: unknown })));
    assert.deepEqual(e, {
      name: "NoSuchEntityException",
      status: 404,
      message: `Scope ARN: ${unknown} does not exist or is not attachable.`,
    });
    const onCreate = await awsError(h.iam.send(new CreateUserCommand({ UserName: unique("frank"), PermissionsBoundary: unknown })));
    assert.equal(onCreate.name, "NoSuchEntityException");
    const malformed = "arn:aws:iam::000000000000:role/not-a-policy";
    const bad = await awsError(h.iam.send(new PutUserPermissionsBoundaryCommand({ UserName: name, PermissionsBoundary: malformed })));
    assert.deepEqual(bad, { name: "InvalidInputException", status: 400, message: `ARN ${malformed} is not valid.` });

    const boundary = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    await h.iam.send(new PutUserPermissionsBoundaryCommand({ UserName: name, PermissionsBoundary: boundary }));
    // AWS answers "Policy", not the "PermissionsBoundaryPolicy" its API model lists.
    const expected = { PermissionsBoundaryType: "Policy", PermissionsBoundaryArn: boundary };
    assert.deepEqual((await h.iam.send(new GetUserCommand({ UserName: name }))).User!.PermissionsBoundary, expected);
    const created = await h.iam.send(new CreateUserCommand({ UserName: unique("gina"), PermissionsBoundary: boundary }));
    assert.deepEqual(created.User!.PermissionsBoundary, expected);
    await h.iam.send(new DeleteUserPermissionsBoundaryCommand({ UserName: name }));
    assert.equal((await h.iam.send(new GetUserCommand({ UserName: name }))).User!.PermissionsBoundary, undefined);
  });

  it("answers GetCallerIdentity for the root key", async () => {
    const id = await h.sts.send(new GetCallerIdentityCommand({}));
    assert.equal(id.Arn, "arn:aws:iam::000000000000:root");
    assert.equal(id.Account, "000000000000");
  });

  it("refuses unknown keys and bad signatures as AWS does", async () => {
    const unknown = await awsError(h.client("AKIANOTAREALKEY00000", "x").iam.send(new ListUsersCommand({})));
    assert.equal(unknown.name, "InvalidClientTokenId");
    assert.equal(unknown.status, 403);
    const badSig = await awsError(h.client("test", "wrong").iam.send(new ListUsersCommand({})));
    assert.equal(badSig.name, "SignatureDoesNotMatch");
    assert.equal(badSig.status, 403);
  });
});

describe("IAM users quota", () => {
  it("refuses the user past UsersPerAccount with LimitExceeded, and reports the quota in the account summary", async () => {
    const h = await startHarness({ usersPerAccount: 3 });
    try {
      for (const n of ["q1", "q2", "q3"]) await h.iam.send(new CreateUserCommand({ UserName: n }));
      const e = await awsError(h.iam.send(new CreateUserCommand({ UserName: "q4" })));
      assert.equal(e.name, "LimitExceededException");
      assert.equal(e.message, "Cannot exceed quota for UsersPerAccount: 3");
      const { SummaryMap } = await h.iam.send(new GetAccountSummaryCommand({}));
      assert.equal(SummaryMap!.UsersQuota, 3);
      assert.equal(SummaryMap!.Users, 3);
    } finally {
      await h.stop();
    }
  });
});

describe("groups, roles and policies quotas", () => {
  it("refuses past the configured GroupsPerAccount, RolesPerAccount and PoliciesPerAccount, as the account summary reports them", async () => {
    const h = await startHarness({ groupsPerAccount: 2, rolesPerAccount: 2, policiesPerAccount: 2 });
    const trust = JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
    });
    const doc = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] });
    try {
      for (const n of ["a", "b"]) {
        await h.iam.send(new CreateGroupCommand({ GroupName: n }));
        await h.iam.send(new CreateRoleCommand({ RoleName: n, AssumeRolePolicyDocument: trust }));
        await h.iam.send(new CreatePolicyCommand({ PolicyName: n, PolicyDocument: doc }));
      }
      const group = await awsError(h.iam.send(new CreateGroupCommand({ GroupName: "c" })));
      const role = await awsError(h.iam.send(new CreateRoleCommand({ RoleName: "c", AssumeRolePolicyDocument: trust })));
      const policy = await awsError(h.iam.send(new CreatePolicyCommand({ PolicyName: "c", PolicyDocument: doc })));
      assert.deepEqual(
        [group, role, policy].map((e) => [e.name, e.message]),
        [
          ["LimitExceededException", "Cannot exceed quota for GroupsPerAccount: 2"],
          ["LimitExceededException", "Cannot exceed quota for RolesPerAccount: 2"],
          ["LimitExceededException", "Cannot exceed quota for PoliciesPerAccount: 2"],
        ],
      );
      const { SummaryMap } = await h.iam.send(new GetAccountSummaryCommand({}));
      assert.deepEqual([SummaryMap!.GroupsQuota, SummaryMap!.RolesQuota, SummaryMap!.PoliciesQuota], [2, 2, 2]);
    } finally {
      await h.stop();
    }
  });
});
