import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  AddRoleToInstanceProfileCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  DeleteInstanceProfileCommand,
  GetInstanceProfileCommand,
  ListInstanceProfilesCommand,
  ListInstanceProfilesForRoleCommand,
  ListInstanceProfileTagsCommand,
  RemoveRoleFromInstanceProfileCommand,
  TagInstanceProfileCommand,
  UntagInstanceProfileCommand,
} from "@aws-sdk/client-iam";
import { awsError, startHarness, unique, type Harness } from "../helpers/local-aws";

const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

describe("IAM instance profiles", () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.stop());

  const createProfile = (name: string, extra: { Path?: string; Tags?: { Key: string; Value: string }[] } = {}) =>
    h.iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: name, ...extra }));
  const createRole = async (name: string) =>
    (await h.iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: TRUST, Path: "/ec2/" }))).Role!;
  const addRole = (profile: string, role: string) =>
    h.iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: profile, RoleName: role }));

  it("creates an instance profile with AWS's ID, ARN and an empty role list", async () => {
    const name = unique("web");
    const { InstanceProfile: p } = await createProfile(name, { Path: "/web/", Tags: [{ Key: "tier", Value: "front" }] });
    assert.match(p!.InstanceProfileId!, /^AIPA[A-Z0-9]{17}$/);
    assert.equal(p!.Arn, `arn:aws:iam::000000000000:instance-profile/web/${name}`);
    assert.equal(p!.Path, "/web/");
    assert.equal(p!.InstanceProfileName, name);
    assert.ok(p!.CreateDate instanceof Date);
    assert.deepEqual(p!.Roles, []);
    assert.deepEqual(p!.Tags, [{ Key: "tier", Value: "front" }]);
    const got = (await h.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: name.toUpperCase() }))).InstanceProfile!;
    assert.equal(got.InstanceProfileId, p!.InstanceProfileId);
    assert.deepEqual(got.Tags, [{ Key: "tier", Value: "front" }]);
  });

  it("rejects a duplicate name case-insensitively with EntityAlreadyExists (409)", async () => {
    const name = unique("Dup");
    await createProfile(name);
    assert.deepEqual(await awsError(createProfile(name.toLowerCase())), {
      name: "EntityAlreadyExistsException",
      message: `Instance Profile ${name.toLowerCase()} already exists.`,
      status: 409,
    });
  });

  it("reports a missing instance profile with NoSuchEntity (404)", async () => {
    const expected = { name: "NoSuchEntityException", message: "Instance Profile ghost cannot be found.", status: 404 };
    assert.deepEqual(await awsError(h.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: "ghost" }))), expected);
    assert.deepEqual(await awsError(h.iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: "ghost" }))), expected);
    assert.deepEqual(await awsError(h.iam.send(new ListInstanceProfileTagsCommand({ InstanceProfileName: "ghost" }))), expected);
    const role = unique("r");
    await createRole(role);
    assert.deepEqual(await awsError(addRole("ghost", role)), expected);
  });

  it("holds one role, shown with its URL-encoded trust policy, and refuses a second (LimitExceeded 409)", async () => {
    const profile = unique("one");
    const first = unique("first");
    const second = unique("second");
    const role = await createRole(first);
    await createRole(second);
    await createProfile(profile);
    assert.deepEqual(await awsError(addRole(profile, "ghost")), {
      name: "NoSuchEntityException",
      message: "The role with name ghost cannot be found.",
      status: 404,
    });
    await addRole(profile, first);

    const got = (await h.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: profile }))).InstanceProfile!;
    assert.equal(got.Roles!.length, 1);
    const r = got.Roles![0];
    assert.deepEqual(
      { Path: r.Path, RoleName: r.RoleName, RoleId: r.RoleId, Arn: r.Arn },
      { Path: "/ec2/", RoleName: first, RoleId: role.RoleId, Arn: role.Arn },
    );
    assert.equal(decodeURIComponent(r.AssumeRolePolicyDocument!), TRUST);
    assert.equal(r.MaxSessionDuration, undefined);

    const quota = { name: "LimitExceededException", message: "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1", status: 409 };
    assert.deepEqual(await awsError(addRole(profile, second)), quota);
    assert.deepEqual(await awsError(addRole(profile, first)), quota);
  });

  it("lists a role's instance profiles with pagination", async () => {
    const role = unique("shared");
    await createRole(role);
    const profiles = Array.from({ length: 3 }, (_, i) => `${unique("for-role")}-${i}`);
    for (const p of profiles) {
      await createProfile(p);
      await addRole(p, role);
    }
    const seen: string[] = [];
    let Marker: string | undefined;
    do {
      const page = await h.iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: role, MaxItems: 2, Marker }));
      assert.ok(page.InstanceProfiles!.length <= 2);
      for (const p of page.InstanceProfiles!) assert.equal(p.Roles![0].RoleName, role);
      seen.push(...page.InstanceProfiles!.map((p) => p.InstanceProfileName!));
      Marker = page.IsTruncated ? page.Marker : undefined;
    } while (Marker);
    assert.deepEqual(seen, [...profiles].sort());
    const missing = await awsError(h.iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: "ghost" })));
    assert.equal(missing.message, "The role with name ghost cannot be found.");
  });

  it("refuses to delete a profile that still has a role (DeleteConflict 409), then removes and deletes", async () => {
    const profile = unique("busy");
    const role = unique("busy-role");
    await createRole(role);
    await createProfile(profile, { Tags: [{ Key: "k", Value: "v" }] });
    await addRole(profile, role);
    assert.deepEqual(await awsError(h.iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: profile }))), {
      name: "DeleteConflictException",
      message: "Cannot delete entity, must remove roles from instance profile first.",
      status: 409,
    });
    await h.iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: profile, RoleName: role }));
    const again = await awsError(h.iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: profile, RoleName: role })));
    assert.deepEqual(again, { name: "NoSuchEntityException", message: `The role with name ${role} cannot be found.`, status: 404 });
    assert.deepEqual((await h.iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: role }))).InstanceProfiles, []);
    await h.iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: profile }));
    assert.equal(
      (await awsError(h.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: profile })))).name,
      "NoSuchEntityException",
    );
  });

  it("paginates ListInstanceProfiles by PathPrefix, without tags", async () => {
    const path = `/${unique("lp")}/`;
    const names = Array.from({ length: 5 }, (_, i) => `${unique("list")}-${i}`);
    for (const n of names) await createProfile(n, { Path: path, Tags: [{ Key: "k", Value: "v" }] });
    const seen: string[] = [];
    let Marker: string | undefined;
    do {
      const page = await h.iam.send(new ListInstanceProfilesCommand({ PathPrefix: path, MaxItems: 2, Marker }));
      assert.ok(page.InstanceProfiles!.length <= 2);
      for (const p of page.InstanceProfiles!) {
        assert.equal(p.Tags, undefined);
        assert.deepEqual(p.Roles, []);
      }
      seen.push(...page.InstanceProfiles!.map((p) => p.InstanceProfileName!));
      Marker = page.IsTruncated ? page.Marker : undefined;
    } while (Marker);
    assert.deepEqual(seen, [...names].sort());
  });

  it("tags and untags an instance profile", async () => {
    const name = unique("tags");
    await createProfile(name);
    await h.iam.send(
      new TagInstanceProfileCommand({
        InstanceProfileName: name,
        Tags: [
          { Key: "Env", Value: "prod" },
          { Key: "c", Value: "1" },
        ],
      }),
    );
    await h.iam.send(new TagInstanceProfileCommand({ InstanceProfileName: name, Tags: [{ Key: "env", Value: "dev" }] }));
    const page = await h.iam.send(new ListInstanceProfileTagsCommand({ InstanceProfileName: name, MaxItems: 1 }));
    assert.equal(page.IsTruncated, true);
    await h.iam.send(new UntagInstanceProfileCommand({ InstanceProfileName: name, TagKeys: ["C"] }));
    assert.deepEqual((await h.iam.send(new ListInstanceProfileTagsCommand({ InstanceProfileName: name }))).Tags, [
      { Key: "env", Value: "dev" },
    ]);
    const dup = await awsError(
      h.iam.send(
        new TagInstanceProfileCommand({
          InstanceProfileName: name,
          Tags: [
            { Key: "a", Value: "1" },
            { Key: "A", Value: "2" },
          ],
        }),
      ),
    );
    assert.equal(dup.name, "InvalidInputException");
  });

  it("refuses to add or remove a service-linked role (UnmodifiableEntity 400)", async () => {
    const role = unique("AWSServiceRoleForEC2Spot");
    const path = "/aws-service-role/spot.amazonaws.com/";
    h.aws.db
      .prepare(
        `INSERT INTO roles (role_id, account_id, name, name_lc, path, arn, assume_role_policy, create_date)
         VALUES (?, '000000000000', ?, ?, ?, ?, ?, '2024-01-01T00:00:00Z')`,
      )
      .run("AROASERVICELINKED0001", role, role.toLowerCase(), path, `arn:aws:iam::000000000000:role${path}${role}`, TRUST);
    const profile = unique("slr");
    await createProfile(profile);
    const expected = {
      name: "UnmodifiableEntityException",
      message: `Cannot perform the operation on the protected role '${role}' - this role is only modifiable by AWS`,
      status: 400,
    };
    assert.deepEqual(await awsError(addRole(profile, role)), expected);
    const remove = h.iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: profile, RoleName: role }));
    assert.deepEqual(await awsError(remove), expected);
  });
});
