import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePermissionsBoundaryCommand,
  GetRoleCommand,
  ListRoleTagsCommand,
  ListRolesCommand,
  PutRolePermissionsBoundaryCommand,
  TagRoleCommand,
  UntagRoleCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
  UpdateRoleDescriptionCommand,
  CreateInstanceProfileCommand,
  CreateUserCommand,
  AddRoleToInstanceProfileCommand,
  RemoveRoleFromInstanceProfileCommand,
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  PutRolePolicyCommand,
} from "@aws-sdk/client-iam";
import { awsError, startHarness, unique, type Harness } from "../helpers/local-aws";

const trust = (principal: Record<string, string> = { Service: "ec2.amazonaws.com" }, condition?: object) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole", ...(condition ? { Condition: condition } : {}) }],
  });

describe("IAM roles", () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.stop());

  const createRole = (name: string, extra: Partial<ConstructorParameters<typeof CreateRoleCommand>[0]> = {}) =>
    h.iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trust(), ...extra }));

  const permissions = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] });

  /** A customer managed policy, to serve as a permissions boundary. */
  async function createPolicy(name: string): Promise<string> {
    const { Policy } = await h.iam.send(new CreatePolicyCommand({ PolicyName: name, PolicyDocument: permissions }));
    return Policy!.Arn!;
  }

  /** Service-linked roles are made by AWS services, never by CreateRole, so the test places one directly. */
  function seedServiceLinkedRole(name: string): void {
    const path = "/aws-service-role/elasticbeanstalk.amazonaws.com/";
    h.aws.db
      .prepare(
        `INSERT INTO roles (role_id, account_id, name, name_lc, path, arn, assume_role_policy, create_date)
         VALUES (?, '000000000000', ?, ?, ?, ?, ?, '2024-01-01T00:00:00Z')`,
      )
      .run(
        `AROA${Math.random().toString(36).slice(2, 12).toUpperCase().padEnd(17, "Z")}`,
        name,
        name.toLowerCase(),
        path,
        `arn:aws:iam::000000000000:role${path}${name}`,
        trust({ Service: "elasticbeanstalk.amazonaws.com" }),
      );
  }

  it("creates a role with AWS's ID, ARN and shape, returning the trust policy URL-encoded", async () => {
    const name = unique("app");
    const { Role } = await createRole(name, { Path: "/svc/", Description: "app role", Tags: [{ Key: "team", Value: "red" }] });
    assert.match(Role!.RoleId!, /^AROA[A-Z0-9]{17}$/);
    assert.equal(Role!.Arn, `arn:aws:iam::000000000000:role/svc/${name}`);
    assert.equal(Role!.Path, "/svc/");
    assert.ok(Role!.CreateDate instanceof Date);
    assert.equal(decodeURIComponent(Role!.AssumeRolePolicyDocument!), trust());
    assert.equal(Role!.Description, "app role");
    assert.deepEqual(Role!.Tags, [{ Key: "team", Value: "red" }]);
    assert.equal(Role!.MaxSessionDuration, undefined);
    assert.equal(Role!.RoleLastUsed, undefined);

    const got = (await h.iam.send(new GetRoleCommand({ RoleName: name.toUpperCase() }))).Role!;
    assert.equal(got.RoleName, name);
    assert.equal(got.MaxSessionDuration, 3600);
    assert.deepEqual(got.RoleLastUsed, {});
    assert.deepEqual(got.Tags, [{ Key: "team", Value: "red" }]);
    assert.equal(got.PermissionsBoundary, undefined);
    assert.equal(decodeURIComponent(got.AssumeRolePolicyDocument!), trust());
  });

  it("rejects a duplicate name case-insensitively with EntityAlreadyExists (409)", async () => {
    const name = unique("Dup");
    await createRole(name);
    const e = await awsError(createRole(name.toLowerCase()));
    assert.deepEqual(e, {
      name: "EntityAlreadyExistsException",
      message: `Role with name ${name.toLowerCase()} already exists.`,
      status: 409,
    });
  });

  it("refuses the service-linked path prefix with InvalidInput (400)", async () => {
    const e = await awsError(createRole(unique("slr"), { Path: "/aws-service-role/ec2.amazonaws.com/" }));
    assert.deepEqual(e, {
      name: "InvalidInputException",
      message: "Path prefix '/aws-service-role/' can only be used for AWS Service linked Roles",
      status: 400,
    });
  });

  it("rejects an unparseable trust policy with MalformedPolicyDocument (400)", async () => {
    const name = unique("bad");
    const e = await awsError(createRole(name, { AssumeRolePolicyDocument: "{not json" }));
    assert.deepEqual(e, { name: "MalformedPolicyDocumentException", message: "This policy contains invalid Json", status: 400 });
    assert.equal((await awsError(h.iam.send(new GetRoleCommand({ RoleName: name })))).name, "NoSuchEntityException");
  });

  it("accepts only IAM users and roles that exist as AWS principals in the trust policy", async () => {
    const nobody = "arn:aws:iam::000000000000:user/nobody";
    const e = await awsError(createRole(unique("who"), { AssumeRolePolicyDocument: trust({ AWS: nobody }) }));
    assert.deepEqual(e, {
      name: "MalformedPolicyDocumentException",
      message: `Invalid principal in policy: "AWS":"${nobody}"`,
      status: 400,
    });
    const user = unique("trusted");
    const { User } = await h.iam.send(new CreateUserCommand({ UserName: user, Path: "/people/" }));
    const target = unique("target");
    await createRole(target, { AssumeRolePolicyDocument: trust({ AWS: User!.Arn! }) });
    const other = (await createRole(unique("other"))).Role!;
    await h.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: target, PolicyDocument: trust({ AWS: other.Arn! }) }));
    const ghostRole = "arn:aws:iam::000000000000:role/ghost";
    const u = await awsError(
      h.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: target, PolicyDocument: trust({ AWS: ghostRole }) })),
    );
    assert.equal(u.message, `Invalid principal in policy: "AWS":"${ghostRole}"`);
  });

  it("limits the trust policy to 2,048 characters not counting whitespace", async () => {
    const withId = (n: number) => trust(undefined, { StringEquals: { "sts:ExternalId": "x".repeat(n) } });
    const room = 2048 - withId(0).length;
    const padded = withId(room).replace("{", "{\n" + " ".repeat(500));
    assert.equal(padded.replace(/\s/g, "").length, 2048);
    await createRole(unique("fits"), { AssumeRolePolicyDocument: padded });

    const big = withId(room + 1);
    const e = await awsError(createRole(unique("big"), { AssumeRolePolicyDocument: big }));
    assert.deepEqual(e, { name: "LimitExceededException", message: "Cannot exceed quota for ACLSizePerRole: 2048", status: 409 });
    const name = unique("upd");
    await createRole(name);
    const u = await awsError(h.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: name, PolicyDocument: big })));
    assert.equal(u.message, "Cannot exceed quota for ACLSizePerRole: 2048");
  });

  it("bounds MaxSessionDuration to 3600..43200 with ValidationError", async () => {
    const e = await awsError(createRole(unique("short"), { MaxSessionDuration: 600 }));
    assert.equal(e.name, "ValidationError");
    assert.equal(e.status, 400);
    assert.match(e.message, /at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600/);
    const name = unique("long");
    await createRole(name, { MaxSessionDuration: 43200 });
    assert.equal((await h.iam.send(new GetRoleCommand({ RoleName: name }))).Role!.MaxSessionDuration, 43200);
    const over = await awsError(h.iam.send(new UpdateRoleCommand({ RoleName: name, MaxSessionDuration: 43201 })));
    assert.match(over.message, /Member must have value less than or equal to 43200/);
  });

  it("reports a missing role with NoSuchEntity (404) on every role action", async () => {
    const expected = { name: "NoSuchEntityException", message: "The role with name ghost cannot be found.", status: 404 };
    assert.deepEqual(await awsError(h.iam.send(new GetRoleCommand({ RoleName: "ghost" }))), expected);
    assert.deepEqual(await awsError(h.iam.send(new DeleteRoleCommand({ RoleName: "ghost" }))), expected);
    assert.deepEqual(await awsError(h.iam.send(new UpdateRoleCommand({ RoleName: "ghost", Description: "x" }))), expected);
    assert.deepEqual(await awsError(h.iam.send(new TagRoleCommand({ RoleName: "ghost", Tags: [{ Key: "k", Value: "v" }] }))), expected);
    assert.deepEqual(await awsError(h.iam.send(new ListRoleTagsCommand({ RoleName: "ghost" }))), expected);
  });

  it("paginates ListRoles by PathPrefix, omitting boundary, tags and last use as AWS does", async () => {
    const path = `/${unique("lr")}/`;
    const boundary = await createPolicy(unique("lr-boundary"));
    const names = Array.from({ length: 5 }, (_, i) => `${unique("list")}-${i}`);
    for (const n of names)
      await createRole(n, { Path: path, Description: "d", PermissionsBoundary: boundary, Tags: [{ Key: "k", Value: "v" }] });
    const seen: string[] = [];
    let Marker: string | undefined;
    do {
      const page = await h.iam.send(new ListRolesCommand({ PathPrefix: path, MaxItems: 2, Marker }));
      assert.ok(page.Roles!.length <= 2);
      for (const r of page.Roles!) {
        assert.equal(r.MaxSessionDuration, 3600);
        assert.equal(r.Description, "d");
        assert.equal(r.Tags, undefined);
        assert.equal(r.PermissionsBoundary, undefined);
        assert.equal(r.RoleLastUsed, undefined);
      }
      seen.push(...page.Roles!.map((r) => r.RoleName!));
      Marker = page.IsTruncated ? page.Marker : undefined;
    } while (Marker);
    assert.deepEqual(seen, [...names].sort());
    const none = await h.iam.send(new ListRolesCommand({ PathPrefix: `${path}nothing/` }));
    assert.deepEqual(none.Roles, []);
    assert.equal(none.IsTruncated, false);
  });

  it("updates the description, session duration and trust policy", async () => {
    const name = unique("upd");
    await createRole(name, { Description: "before" });
    await h.iam.send(new UpdateRoleCommand({ RoleName: name, MaxSessionDuration: 7200 }));
    let role = (await h.iam.send(new GetRoleCommand({ RoleName: name }))).Role!;
    assert.equal(role.Description, "before");
    assert.equal(role.MaxSessionDuration, 7200);

    const { Role } = await h.iam.send(new UpdateRoleDescriptionCommand({ RoleName: name, Description: "after" }));
    assert.equal(Role!.Description, "after");
    assert.equal(Role!.MaxSessionDuration, 7200);
    assert.equal(Role!.RoleName, name);

    const doc = trust({ Service: "lambda.amazonaws.com" });
    await h.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: name, PolicyDocument: doc }));
    const bad = await awsError(h.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: name, PolicyDocument: "[" })));
    assert.equal(bad.name, "MalformedPolicyDocumentException");
    role = (await h.iam.send(new GetRoleCommand({ RoleName: name }))).Role!;
    assert.equal(decodeURIComponent(role.AssumeRolePolicyDocument!), doc);
  });

  it("refuses to delete a role still in an instance profile or with policies (DeleteConflict 409)", async () => {
    const name = unique("del");
    await createRole(name);
    const profile = unique("del-profile");
    await h.iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: profile }));
    await h.iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: profile, RoleName: name }));
    assert.deepEqual(await awsError(h.iam.send(new DeleteRoleCommand({ RoleName: name }))), {
      name: "DeleteConflictException",
      message: "Cannot delete entity, must remove roles from instance profile first.",
      status: 409,
    });
    await h.iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: profile, RoleName: name }));

    const readOnly = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    await h.iam.send(new AttachRolePolicyCommand({ RoleName: name, PolicyArn: readOnly }));
    const attached = await awsError(h.iam.send(new DeleteRoleCommand({ RoleName: name })));
    assert.deepEqual(attached, {
      name: "DeleteConflictException",
      message: "Cannot delete entity, must detach all policies first.",
      status: 409,
    });
    await h.iam.send(new DetachRolePolicyCommand({ RoleName: name, PolicyArn: readOnly }));

    await h.iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: "inline", PolicyDocument: permissions }));
    const inline = await awsError(h.iam.send(new DeleteRoleCommand({ RoleName: name })));
    assert.deepEqual(inline, {
      name: "DeleteConflictException",
      message: "Cannot delete entity, must delete policies first.",
      status: 409,
    });
    await h.iam.send(new DeleteRolePolicyCommand({ RoleName: name, PolicyName: "inline" }));

    await h.iam.send(new DeleteRoleCommand({ RoleName: name }));
    assert.equal((await awsError(h.iam.send(new GetRoleCommand({ RoleName: name })))).name, "NoSuchEntityException");
  });

  it("tags and untags a role with case-insensitive keys", async () => {
    const name = unique("tags");
    await createRole(name);
    await h.iam.send(
      new TagRoleCommand({
        RoleName: name,
        Tags: [
          { Key: "Env", Value: "prod" },
          { Key: "cost", Value: "1" },
        ],
      }),
    );
    await h.iam.send(new TagRoleCommand({ RoleName: name, Tags: [{ Key: "env", Value: "dev" }] }));
    const page = await h.iam.send(new ListRoleTagsCommand({ RoleName: name, MaxItems: 1 }));
    assert.equal(page.Tags!.length, 1);
    assert.equal(page.IsTruncated, true);
    await h.iam.send(new UntagRoleCommand({ RoleName: name, TagKeys: ["COST"] }));
    assert.deepEqual((await h.iam.send(new ListRoleTagsCommand({ RoleName: name }))).Tags, [{ Key: "env", Value: "dev" }]);
    const many = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
    assert.equal((await awsError(h.iam.send(new TagRoleCommand({ RoleName: name, Tags: many })))).name, "LimitExceededException");
  });

  it("sets and removes a permissions boundary, refusing unknown policies", async () => {
    const name = unique("pb");
    const boundary = await createPolicy(unique("pb-policy"));
    const e = await awsError(h.iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: name, PermissionsBoundary: boundary })));
    assert.equal(e.name, "NoSuchEntityException");
    await createRole(name);
    const unknown = "arn:aws:iam::000000000000:policy/none";
    const bad = await awsError(h.iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: name, PermissionsBoundary: unknown })));
    assert.deepEqual(bad, {
      name: "NoSuchEntityException",
      message: `Scope ARN: ${unknown} does not exist or is not attachable.`,
      status: 404,
    });
    await h.iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: name, PermissionsBoundary: boundary }));
    // AWS answers "Policy", not the "PermissionsBoundaryPolicy" its API model lists.
    assert.deepEqual((await h.iam.send(new GetRoleCommand({ RoleName: name }))).Role!.PermissionsBoundary, {
      PermissionsBoundaryType: "Policy",
      PermissionsBoundaryArn: boundary,
    });
    await h.iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: name }));
    assert.equal((await h.iam.send(new GetRoleCommand({ RoleName: name }))).Role!.PermissionsBoundary, undefined);
    const onCreate = await awsError(createRole(unique("pb2"), { PermissionsBoundary: unknown }));
    assert.deepEqual(onCreate, {
      name: "NoSuchEntityException",
      message: `Scope ARN: ${unknown} does not exist or is not attachable.`,
      status: 404,
    });
    const created = await createRole(unique("pb3"), { PermissionsBoundary: boundary });
    assert.deepEqual(created.Role!.PermissionsBoundary, { PermissionsBoundaryType: "Policy", PermissionsBoundaryArn: boundary });
  });

  it("protects service-linked roles with UnmodifiableEntity (400), but lets them be tagged and described", async () => {
    const name = unique("AWSServiceRoleForElasticBeanstalk");
    seedServiceLinkedRole(name);
    const expected = {
      name: "UnmodifiableEntityException",
      message: `Cannot perform the operation on the protected role '${name}' - this role is only modifiable by AWS`,
      status: 400,
    };
    assert.deepEqual(await awsError(h.iam.send(new DeleteRoleCommand({ RoleName: name }))), expected);
    assert.deepEqual(await awsError(h.iam.send(new UpdateRoleCommand({ RoleName: name, MaxSessionDuration: 7200 }))), expected);
    await h.iam.send(new UpdateRoleDescriptionCommand({ RoleName: name, Description: "x" }));
    assert.deepEqual(await awsError(h.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: name, PolicyDocument: trust() }))), expected);
    assert.deepEqual(await awsError(h.iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: name }))), expected);
    await h.iam.send(new TagRoleCommand({ RoleName: name, Tags: [{ Key: "k", Value: "v" }] }));
    assert.equal((await h.iam.send(new GetRoleCommand({ RoleName: name }))).Role!.Tags!.length, 1);
  });
});
