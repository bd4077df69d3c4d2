import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  CreateGroupCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteGroupPolicyCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DeleteUserCommand,
  DeleteUserPolicyCommand,
  GetGroupPolicyCommand,
  GetRolePolicyCommand,
  GetUserPolicyCommand,
  ListGroupPoliciesCommand,
  ListRolePoliciesCommand,
  ListUserPoliciesCommand,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  type IAMClient,
} from "@aws-sdk/client-iam";
import { awsError, startHarness, unique, type Harness } from "../helpers/local-aws";

const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

/** A valid identity policy whose size, whitespace not counted, is exactly `size` characters. */
function docOfSize(size: number): string {
  const base = (bucket: string) =>
    JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: `arn:aws:s3:::${bucket}/*` }],
    });
  const doc = base("b".repeat(size - base("").length));
  assert.equal(doc.length, size);
  return doc;
}

type Kind = "User" | "Group" | "Role";
const limits: Record<Kind, number> = { User: 2048, Group: 5120, Role: 10240 };

/** The same calls for users, groups and roles, so every test runs against all three. */
function inline(iam: IAMClient, kind: Kind, name: string) {
  const send = (command: unknown) => iam.send(command as never) as Promise<any>;
  return {
    put: (PolicyName: string, PolicyDocument: string) =>
      send(
        kind === "User"
          ? new PutUserPolicyCommand({ UserName: name, PolicyName, PolicyDocument })
          : kind === "Group"
            ? new PutGroupPolicyCommand({ GroupName: name, PolicyName, PolicyDocument })
            : new PutRolePolicyCommand({ RoleName: name, PolicyName, PolicyDocument }),
      ),
    get: (PolicyName: string) =>
      send(
        kind === "User"
          ? new GetUserPolicyCommand({ UserName: name, PolicyName })
          : kind === "Group"
            ? new GetGroupPolicyCommand({ GroupName: name, PolicyName })
            : new GetRolePolicyCommand({ RoleName: name, PolicyName }),
      ),
    del: (PolicyName: string) =>
      send(
        kind === "User"
          ? new DeleteUserPolicyCommand({ UserName: name, PolicyName })
          : kind === "Group"
            ? new DeleteGroupPolicyCommand({ GroupName: name, PolicyName })
            : new DeleteRolePolicyCommand({ RoleName: name, PolicyName }),
      ),
    list: (MaxItems?: number, Marker?: string) =>
      send(
        kind === "User"
          ? new ListUserPoliciesCommand({ UserName: name, MaxItems, Marker })
          : kind === "Group"
            ? new ListGroupPoliciesCommand({ GroupName: name, MaxItems, Marker })
            : new ListRolePoliciesCommand({ RoleName: name, MaxItems, Marker }),
      ),
  };
}

describe("IAM inline policies", () => {
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

  for (const kind of ["User", "Group", "Role"] as Kind[]) {
    const lc = kind.toLowerCase();

    it(`puts, gets (URL-encoded), replaces and deletes a ${lc} policy`, async () => {
      const name = await create(kind);
      const api = inline(h.iam, kind, name);
      const doc = docOfSize(300);
      await api.put("ReadBucket", doc);
      const got = await api.get("ReadBucket");
      assert.equal(got[`${kind}Name`], name);
      assert.equal(got.PolicyName, "ReadBucket");
      assert.equal(got.PolicyDocument, encodeURIComponent(doc));
      assert.equal(decodeURIComponent(got.PolicyDocument), doc);
      const replacement = docOfSize(200);
      await api.put("ReadBucket", replacement);
      assert.equal(decodeURIComponent((await api.get("ReadBucket")).PolicyDocument), replacement);
      assert.deepEqual((await api.list()).PolicyNames, ["ReadBucket"]);
      await api.del("ReadBucket");
      assert.deepEqual((await api.list()).PolicyNames, []);
    });

    it(`reports a missing ${lc} policy with NoSuchEntity (404) on Get and Delete`, async () => {
      const api = inline(h.iam, kind, await create(kind));
      const expected = { name: "NoSuchEntityException", status: 404, message: `The ${lc} policy with name Nope cannot be found.` };
      assert.deepEqual(await awsError(api.get("Nope")), expected);
      assert.deepEqual(await awsError(api.del("Nope")), expected);
    });

    it(`reports a missing ${lc} with NoSuchEntity (404) on every inline action`, async () => {
      const api = inline(h.iam, kind, "ghost");
      const expected = { name: "NoSuchEntityException", status: 404, message: `The ${lc} with name ghost cannot be found.` };
      assert.deepEqual(await awsError(api.put("p", docOfSize(150))), expected);
      assert.deepEqual(await awsError(api.get("p")), expected);
      assert.deepEqual(await awsError(api.del("p")), expected);
      assert.deepEqual(await awsError(api.list()), expected);
    });

    it(`lists ${lc} policy names sorted and paginated`, async () => {
      const api = inline(h.iam, kind, await create(kind));
      for (const p of ["charlie", "alpha", "bravo"]) await api.put(p, docOfSize(150));
      const first = await api.list(2);
      assert.deepEqual(first.PolicyNames, ["alpha", "bravo"]);
      assert.equal(first.IsTruncated, true);
      const rest = await api.list(2, first.Marker);
      assert.deepEqual(rest.PolicyNames, ["charlie"]);
      assert.equal(rest.IsTruncated, false);
      assert.equal(rest.Marker, undefined);
    });

    it(`caps the sum of a ${lc}'s inline documents at ${limits[kind]} characters, whitespace not counted`, async () => {
      const name = await create(kind);
      const api = inline(h.iam, kind, name);
      const max = limits[kind];
      await api.put("first", docOfSize(max - 300));
      await api.put("second", docOfSize(300));
      await api.put("second", docOfSize(300));
      const e = await awsError(api.put("third", docOfSize(150)));
      assert.deepEqual(e, {
        name: "LimitExceededException",
        status: 409,
        message: `Maximum policy size of ${max} bytes exceeded for ${lc} ${name}`,
      });
      await api.del("second");
      const spaced = docOfSize(300).replace(/[,{}[\]]/g, (c) => `${c}\n${" ".repeat(100)}`);
      assert.ok(spaced.length > 1000);
      await api.put("spaced", spaced);
      assert.deepEqual((await api.list()).PolicyNames, ["first", "spaced"]);
    });

    it(`refuses a malformed ${lc} policy document and keeps the old one`, async () => {
      const api = inline(h.iam, kind, await create(kind));
      const doc = docOfSize(150);
      await api.put("p", doc);
      const e = await awsError(api.put("p", "{not json"));
      assert.equal(e.name, "MalformedPolicyDocumentException");
      assert.equal(e.status, 400);
      assert.equal(decodeURIComponent((await api.get("p")).PolicyDocument), doc);
    });
  }

  it("blocks deleting a user or role that still has inline policies", async () => {
    const user = await create("User");
    await inline(h.iam, "User", user).put("p", docOfSize(150));
    const u = await awsError(h.iam.send(new DeleteUserCommand({ UserName: user })));
    assert.deepEqual(u, { name: "DeleteConflictException", status: 409, message: "Cannot delete entity, must delete policies first." });
    const role = await create("Role");
    await inline(h.iam, "Role", role).put("p", docOfSize(150));
    const r = await awsError(h.iam.send(new DeleteRoleCommand({ RoleName: role })));
    assert.deepEqual(r, { name: "DeleteConflictException", status: 409, message: "Cannot delete entity, must delete policies first." });
  });
});
