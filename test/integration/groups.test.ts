import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  AddUserToGroupCommand,
  CreateGroupCommand,
  CreateUserCommand,
  DeleteGroupCommand,
  DeleteGroupPolicyCommand,
  GetGroupCommand,
  ListGroupsCommand,
  ListGroupsForUserCommand,
  PutGroupPolicyCommand,
  RemoveUserFromGroupCommand,
  UpdateGroupCommand,
} from "@aws-sdk/client-iam";
import { awsError, startHarness, unique, type Harness } from "../helpers/local-aws";

const DOC = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:ListBucket", Resource: "*" }] });

describe("IAM groups", () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.stop());

  const createUser = async (prefix = "member") => {
    const name = unique(prefix);
    await h.iam.send(new CreateUserCommand({ UserName: name }));
    return name;
  };
  const createGroup = async (prefix = "team", Path?: string) => {
    const name = unique(prefix);
    await h.iam.send(new CreateGroupCommand({ GroupName: name, Path }));
    return name;
  };

  it("creates a group with AWS's ID and ARN shapes, refusing a duplicate name in any case", async () => {
    const name = unique("Admins");
    const { Group } = await h.iam.send(new CreateGroupCommand({ GroupName: name, Path: "/eng/" }));
    assert.match(Group!.GroupId!, /^AGPA[A-Z2-7]{17}$/);
    assert.equal(Group!.Arn, `arn:aws:iam::000000000000:group/eng/${name}`);
    assert.equal(Group!.Path, "/eng/");
    assert.equal(Group!.GroupName, name);
    assert.ok(Group!.CreateDate instanceof Date);
    const dup = await awsError(h.iam.send(new CreateGroupCommand({ GroupName: name.toLowerCase() })));
    assert.deepEqual(dup, {
      name: "EntityAlreadyExistsException",
      status: 409,
      message: `Group with name ${name.toLowerCase()} already exists.`,
    });
  });

  it("gets a group by name in any case, with no users yet", async () => {
    const name = await createGroup("Readers");
    const got = await h.iam.send(new GetGroupCommand({ GroupName: name.toUpperCase() }));
    assert.equal(got.Group!.GroupName, name);
    assert.equal(got.Group!.Arn, `arn:aws:iam::000000000000:group/${name}`);
    assert.deepEqual(got.Users, []);
    assert.equal(got.IsTruncated, false);
    assert.equal(got.Marker, undefined);
  });

  it("reports unknown groups with NoSuchEntity (404) on every group action", async () => {
    const user = await createUser();
    const expected = { name: "NoSuchEntityException", status: 404, message: "The group with name ghost-group cannot be found." };
    assert.deepEqual(await awsError(h.iam.send(new GetGroupCommand({ GroupName: "ghost-group" }))), expected);
    assert.deepEqual(await awsError(h.iam.send(new DeleteGroupCommand({ GroupName: "ghost-group" }))), expected);
    assert.deepEqual(await awsError(h.iam.send(new UpdateGroupCommand({ GroupName: "ghost-group", NewPath: "/x/" }))), expected);
    assert.deepEqual(await awsError(h.iam.send(new AddUserToGroupCommand({ GroupName: "ghost-group", UserName: user }))), expected);
    assert.deepEqual(await awsError(h.iam.send(new RemoveUserFromGroupCommand({ GroupName: "ghost-group", UserName: user }))), expected);
  });

  it("reports an unknown user before an unknown group", async () => {
    const group = await createGroup();
    const expected = { name: "NoSuchEntityException", status: 404, message: "The user with name ghost-user cannot be found." };
    assert.deepEqual(await awsError(h.iam.send(new AddUserToGroupCommand({ GroupName: group, UserName: "ghost-user" }))), expected);
    assert.deepEqual(
      await awsError(h.iam.send(new RemoveUserFromGroupCommand({ GroupName: "ghost-group", UserName: "ghost-user" }))),
      expected,
    );
    assert.deepEqual(await awsError(h.iam.send(new ListGroupsForUserCommand({ UserName: "ghost-user" }))), expected);
  });

  it("paginates ListGroups under a PathPrefix with Marker and IsTruncated", async () => {
    const path = `/${unique("p")}/`;
    const names = [];
    for (let i = 0; i < 5; i++) names.push(await createGroup(`page-${i}`, path));
    await createGroup("outside", `${path.slice(0, -1)}-other/`);
    const seen: string[] = [];
    let Marker: string | undefined;
    let pages = 0;
    do {
      const page = await h.iam.send(new ListGroupsCommand({ PathPrefix: path, MaxItems: 2, Marker }));
      pages++;
      assert.ok(page.Groups!.length <= 2);
      assert.ok(page.Groups!.every((g) => g.Path === path));
      seen.push(...page.Groups!.map((g) => g.GroupName!));
      Marker = page.IsTruncated ? page.Marker : undefined;
    } while (Marker);
    assert.equal(pages, 3);
    assert.deepEqual(
      seen,
      [...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)),
    );
    const bad = await awsError(h.iam.send(new ListGroupsCommand({ Marker: "not-a-marker!" })));
    assert.equal(bad.name, "ValidationError");
  });

  it("renames and moves a group, keeping its ID and members", async () => {
    const name = await createGroup("ops");
    const user = await createUser();
    await h.iam.send(new AddUserToGroupCommand({ GroupName: name, UserName: user }));
    const before = (await h.iam.send(new GetGroupCommand({ GroupName: name }))).Group!;
    await h.iam.send(new UpdateGroupCommand({ GroupName: name, NewGroupName: `${name}-2`, NewPath: "/moved/" }));
    const gone = await awsError(h.iam.send(new GetGroupCommand({ GroupName: name })));
    assert.equal(gone.message, `The group with name ${name} cannot be found.`);
    const after = await h.iam.send(new GetGroupCommand({ GroupName: `${name}-2` }));
    assert.equal(after.Group!.GroupId, before.GroupId);
    assert.equal(after.Group!.Arn, `arn:aws:iam::000000000000:group/moved/${name}-2`);
    assert.deepEqual(
      after.Users!.map((u) => u.UserName),
      [user],
    );
    await h.iam.send(new UpdateGroupCommand({ GroupName: `${name}-2`, NewGroupName: `${name}-2`.toUpperCase() }));
    assert.equal((await h.iam.send(new GetGroupCommand({ GroupName: `${name}-2` }))).Group!.GroupName, `${name}-2`.toUpperCase());
  });

  it("refuses to rename a group onto another group's name", async () => {
    const a = await createGroup("alpha");
    const b = await createGroup("beta");
    const e = await awsError(h.iam.send(new UpdateGroupCommand({ GroupName: a, NewGroupName: b.toUpperCase() })));
    assert.deepEqual(e, {
      name: "EntityAlreadyExistsException",
      status: 409,
      message: `Group with name ${b.toUpperCase()} already exists.`,
    });
  });

  it("adds users idempotently, lists them both ways, and removes them (removing a non-member succeeds)", async () => {
    const group = await createGroup();
    const other = await createGroup();
    const user = await createUser();
    await h.iam.send(new AddUserToGroupCommand({ GroupName: group, UserName: user }));
    await h.iam.send(new AddUserToGroupCommand({ GroupName: group.toUpperCase(), UserName: user.toUpperCase() }));
    const got = await h.iam.send(new GetGroupCommand({ GroupName: group }));
    assert.equal(got.Users!.length, 1);
    assert.equal(got.Users![0].UserName, user);
    assert.match(got.Users![0].UserId!, /^AIDA/);
    assert.equal(got.Users![0].Arn, `arn:aws:iam::000000000000:user/${user}`);
    const groups = await h.iam.send(new ListGroupsForUserCommand({ UserName: user }));
    assert.deepEqual(
      groups.Groups!.map((g) => g.GroupName),
      [group],
    );
    assert.equal(groups.IsTruncated, false);
    await h.iam.send(new RemoveUserFromGroupCommand({ GroupName: other, UserName: user }));
    await h.iam.send(new RemoveUserFromGroupCommand({ GroupName: group, UserName: user }));
    assert.deepEqual((await h.iam.send(new GetGroupCommand({ GroupName: group }))).Users, []);
    assert.deepEqual((await h.iam.send(new ListGroupsForUserCommand({ UserName: user }))).Groups, []);
  });

  it("paginates a group's users in GetGroup", async () => {
    const group = await createGroup();
    const users = [];
    for (let i = 0; i < 5; i++) users.push(await createUser(`pg${i}`));
    for (const u of users) await h.iam.send(new AddUserToGroupCommand({ GroupName: group, UserName: u }));
    const seen: string[] = [];
    let Marker: string | undefined;
    do {
      const page = await h.iam.send(new GetGroupCommand({ GroupName: group, MaxItems: 2, Marker }));
      assert.equal(page.Group!.GroupName, group);
      assert.ok(page.Users!.length <= 2);
      seen.push(...page.Users!.map((u) => u.UserName!));
      Marker = page.IsTruncated ? page.Marker : undefined;
    } while (Marker);
    assert.deepEqual(seen.sort(), [...users].sort());
  });

  it("keeps a user in at most 10 groups (LimitExceeded 409), and paginates ListGroupsForUser", async () => {
    const user = await createUser();
    const groups = [];
    for (let i = 0; i < 11; i++) groups.push(await createGroup(`quota${i}`));
    for (const g of groups.slice(0, 10)) await h.iam.send(new AddUserToGroupCommand({ GroupName: g, UserName: user }));
    const e = await awsError(h.iam.send(new AddUserToGroupCommand({ GroupName: groups[10], UserName: user })));
    assert.deepEqual(e, { name: "LimitExceededException", status: 409, message: "Cannot exceed quota for GroupsPerUser: 10" });
    await h.iam.send(new AddUserToGroupCommand({ GroupName: groups[0], UserName: user }));
    const first = await h.iam.send(new ListGroupsForUserCommand({ UserName: user, MaxItems: 6 }));
    assert.equal(first.Groups!.length, 6);
    assert.equal(first.IsTruncated, true);
    const rest = await h.iam.send(new ListGroupsForUserCommand({ UserName: user, MaxItems: 6, Marker: first.Marker }));
    assert.equal(rest.Groups!.length, 4);
    assert.equal(rest.IsTruncated, false);
    const all = [...first.Groups!, ...rest.Groups!].map((g) => g.GroupName!);
    assert.deepEqual(all.sort(), groups.slice(0, 10).sort());
  });

  it("never lets parallel AddUserToGroup calls break the 10-group quota", async () => {
    const user = await createUser();
    const groups = [];
    for (let i = 0; i < 15; i++) groups.push(await createGroup(`race${i}`));
    const results = await Promise.allSettled(groups.map((g) => h.iam.send(new AddUserToGroupCommand({ GroupName: g, UserName: user }))));
    assert.equal(results.filter((r) => r.status === "fulfilled").length, 10);
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    assert.equal(failures.length, 5);
    assert.ok(failures.every((f) => f.reason.name === "LimitExceededException"));
    assert.equal((await h.iam.send(new ListGroupsForUserCommand({ UserName: user }))).Groups!.length, 10);
  });

  it("refuses to delete a group that still has members or inline policies (DeleteConflict 409)", async () => {
    const group = await createGroup();
    const user = await createUser();
    await h.iam.send(new AddUserToGroupCommand({ GroupName: group, UserName: user }));
    await h.iam.send(new PutGroupPolicyCommand({ GroupName: group, PolicyName: "inline", PolicyDocument: DOC }));
    const members = await awsError(h.iam.send(new DeleteGroupCommand({ GroupName: group })));
    assert.deepEqual(members, {
      name: "DeleteConflictException",
      status: 409,
      message: "Cannot delete entity, must remove users from group first.",
    });
    await h.iam.send(new RemoveUserFromGroupCommand({ GroupName: group, UserName: user }));
    const inline = await awsError(h.iam.send(new DeleteGroupCommand({ GroupName: group })));
    assert.deepEqual(inline, {
      name: "DeleteConflictException",
      status: 409,
      message: "Cannot delete entity, must delete policies first.",
    });
    assert.equal((await h.iam.send(new GetGroupCommand({ GroupName: group }))).Group!.GroupName, group);
    await h.iam.send(new DeleteGroupPolicyCommand({ GroupName: group, PolicyName: "inline" }));
    await h.iam.send(new DeleteGroupCommand({ GroupName: group }));
    assert.equal((await awsError(h.iam.send(new GetGroupCommand({ GroupName: group })))).name, "NoSuchEntityException");
  });

  it("enforces the 300 groups per account quota (LimitExceeded 409)", async () => {
    const own = await startHarness();
    try {
      for (let i = 0; i < 300; i++) await own.iam.send(new CreateGroupCommand({ GroupName: `g${i}` }));
      const e = await awsError(own.iam.send(new CreateGroupCommand({ GroupName: "one-too-many" })));
      assert.deepEqual(e, { name: "LimitExceededException", status: 409, message: "Cannot exceed quota for GroupsPerAccount: 300" });
      await own.iam.send(new DeleteGroupCommand({ GroupName: "g0" }));
      await own.iam.send(new CreateGroupCommand({ GroupName: "one-too-many" }));
    } finally {
      await own.stop();
    }
  });
});
