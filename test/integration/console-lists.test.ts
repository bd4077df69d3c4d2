import "../helpers/server-only";
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetGroupCommand,
  ListEntitiesForPolicyCommand,
  ListPoliciesCommand,
  PutRolePermissionsBoundaryCommand,
  PutUserPermissionsBoundaryCommand,
} from "@aws-sdk/client-iam";
import { startHarness, unique, type Harness } from "../helpers/local-aws";
import { listUsers, listUsersPage } from "../../lib/server/services/users";
import { invalidateListSnapshots } from "../../lib/server/services/list-snapshot";
import { listPoliciesPage } from "../../lib/server/services/policies";
import { policiesPageSchema, usersPageSchema } from "../../lib/schemas/list-page";
import { listGroups, listGroupUsers } from "../../lib/server/services/groups";
import { listEntitiesForPolicy } from "../../lib/server/services/policy-entities";
import { listRoles } from "../../lib/server/services/roles";
import { listPolicies } from "../../lib/server/services/policies";
import type { Principal } from "../../lib/server/principal";

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Runs `fn` for every index, `width` at a time, as a console user's many entities are made quickly. */
async function inBatches(n: number, width: number, fn: (i: number) => Promise<unknown>) {
  for (let start = 0; start < n; start += width) await Promise.all(range(Math.min(width, n - start)).map((i) => fn(start + i)));
}

const trust = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
});
const doc = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:ListBucket", Resource: "*" }] });

describe("the console's list services return whole lists, walking IAM's Marker pages to the end", () => {
  let h: Harness;
  let principal: Principal;
  before(async () => {
    h = await startHarness();
    process.env.CLEF_AWS_ENDPOINT = h.aws.url;
    principal = {
      type: "root",
      arn: "arn:aws:iam::000000000000:root",
      accountId: "000000000000",
      credentials: {
        accessKeyId: h.config.rootAccessKeyId,
        secretAccessKey: h.config.rootSecretAccessKey,
        expiration: Date.now() + 3600_000,
      },
    };
  });
  after(() => h.stop());

  it("lists all 2,345 users (three ListUsers pages of 1,000)", async () => {
    const prefix = unique("many");
    await inBatches(2345, 50, (i) => h.iam.send(new CreateUserCommand({ UserName: `${prefix}-${i}`, Path: `/team-${i % 3}/` })));
    const users = await listUsers({ principal });
    assert.equal(users.length, 2345);
    assert.deepEqual(new Set(users.map((u) => u.userName)), new Set(range(2345).map((i) => `${prefix}-${i}`)));
    const one = users.find((u) => u.userName === `${prefix}-7`)!;
    assert.equal(one.path, "/team-1/");
    assert.equal(one.arn, `arn:aws:iam::000000000000:user/team-1/${prefix}-7`);
    assert.match(one.createDate, /^\d{4}-\d\d-\d\dT/);
  });

  it("serves one page of all the users, searched, sorted and paged on the server, from a snapshot a write drops", async () => {
    const prefix = unique("paged");
    await inBatches(30, 15, (i) => h.iam.send(new CreateUserCommand({ UserName: `${prefix}-${String(i).padStart(2, "0")}` })));
    const page = (q: Record<string, string>) => listUsersPage({ principal, input: usersPageSchema.parse({ fresh: "true", ...q }) });
    const first = await page({ filter: prefix.toUpperCase(), pageSize: "10", sort: "userName", desc: "true" });
    assert.equal(first.matches, 30);
    assert.equal(first.total, (await listUsers({ principal })).length, "the whole list's size");
    assert.deepEqual(
      first.items.map((u) => u.userName),
      range(10).map((i) => `${prefix}-${29 - i}`),
    );
    const last = await page({ filter: prefix, pageSize: "10", page: "9" });
    assert.equal(last.page, 3, "a page past the end is the last page");
    assert.deepEqual(
      last.items.map((u) => u.userName),
      range(10).map((i) => `${prefix}-${20 + i}`),
    );

    // Another client's user is not in the snapshot until a Refresh (fresh) or a console write drops it.
    await h.iam.send(new CreateUserCommand({ UserName: `${prefix}-other` }));
    const cached = { ...usersPageSchema.parse({ filter: prefix }), fresh: false };
    assert.equal((await listUsersPage({ principal, input: cached })).matches, 30);
    invalidateListSnapshots(principal.accountId);
    assert.equal((await listUsersPage({ principal, input: cached })).matches, 31);
  });

  it("filters the policies by type on the server", async () => {
    const prefix = unique("typed");
    await h.iam.send(new CreatePolicyCommand({ PolicyName: `${prefix}-ReadOnlyAccess`, PolicyDocument: doc }));
    const r = await listPoliciesPage({
      principal,
      input: policiesPageSchema.parse({ filter: "ReadOnlyAccess", type: "Local", fresh: "true" }),
    });
    assert.deepEqual(
      r.items.map((p) => p.policyName),
      [`${prefix}-ReadOnlyAccess`],
    );
    const of = async (type: string) =>
      (await listPoliciesPage({ principal, input: policiesPageSchema.parse({ filter: "ViewOnlyAccess", type }) })).items.map(
        (p) => p.policyName,
      );
    assert.deepEqual(await of("JobFunction"), ["ViewOnlyAccess"]);
    assert.deepEqual(await of("AWS"), ["ConsoleViewOnlyAccessFromVercel"]);
    assert.deepEqual(await of("All"), ["ConsoleViewOnlyAccessFromVercel", "ViewOnlyAccess"]);
  });

  it("lists every AWS managed and customer managed policy, with the path that marks job-function policies", async () => {
    const prefix = unique("own");
    await inBatches(30, 10, (i) => h.iam.send(new CreatePolicyCommand({ PolicyName: `${prefix}-${i}`, PolicyDocument: doc })));
    let total = 0;
    let Marker: string | undefined;
    do {
      const r = await h.iam.send(new ListPoliciesCommand({ Marker, MaxItems: 500 }));
      total += r.Policies!.length;
      Marker = r.IsTruncated ? r.Marker : undefined;
    } while (Marker);
    const policies = await listPolicies({ principal });
    assert.ok(total > 1500, `AWS's catalogue alone spans two pages (${total})`);
    assert.equal(policies.length, total);
    assert.equal(policies.filter((p) => p.policyName.startsWith(prefix) && p.type === "Customer managed").length, 30);
    const viewOnly = policies.find((p) => p.policyName === "ViewOnlyAccess")!;
    assert.equal(viewOnly.type, "AWS managed");
    assert.equal(viewOnly.path, "/job-function/");
  });

  it("lists all groups and roles, more than one screen's worth", async () => {
    const prefix = unique("list");
    await inBatches(40, 20, (i) => h.iam.send(new CreateGroupCommand({ GroupName: `${prefix}-g${i}` })));
    await inBatches(40, 20, (i) => h.iam.send(new CreateRoleCommand({ RoleName: `${prefix}-r${i}`, AssumeRolePolicyDocument: trust })));
    const groups = await listGroups({ principal });
    const roles = await listRoles({ principal });
    assert.equal(groups.filter((g) => g.groupName.startsWith(prefix)).length, 40);
    assert.equal(roles.filter((r) => r.roleName.startsWith(prefix)).length, 40);
    assert.deepEqual(roles.find((r) => r.roleName === `${prefix}-r3`)!.trustedEntities, ["AWS Service: lambda"]);
  });

  it("lists all 1,050 members of a group, which GetGroup returns in two pages of 1,000", async () => {
    const prefix = unique("member");
    const GroupName = `${prefix}-group`;
    await h.iam.send(new CreateGroupCommand({ GroupName }));
    await inBatches(1050, 50, async (i) => {
      await h.iam.send(new CreateUserCommand({ UserName: `${prefix}-${i}`, Path: `/team-${i % 2}/` }));
      await h.iam.send(new AddUserToGroupCommand({ GroupName, UserName: `${prefix}-${i}` }));
    });
    assert.equal((await h.iam.send(new GetGroupCommand({ GroupName, MaxItems: 1000 }))).IsTruncated, true);
    const members = await listGroupUsers({ principal, input: { groupName: GroupName } });
    assert.equal(members.length, 1050);
    assert.deepEqual(new Set(members.map((u) => u.userName)), new Set(range(1050).map((i) => `${prefix}-${i}`)));
    const one = members.find((u) => u.userName === `${prefix}-1049`)!;
    assert.equal(one.arn, `arn:aws:iam::000000000000:user/team-1/${prefix}-1049`);
    assert.match(one.createDate, /^\d{4}-\d\d-\d\dT/);
  });

  it("lists all 1,052 entities using a policy, as a permissions policy (two pages of 1,000) and as a boundary", async () => {
    const prefix = unique("entity");
    const { Policy } = await h.iam.send(new CreatePolicyCommand({ PolicyName: `${prefix}-policy`, PolicyDocument: doc }));
    const PolicyArn = Policy!.Arn!;
    await inBatches(1040, 50, async (i) => {
      await h.iam.send(new CreateUserCommand({ UserName: `${prefix}-u${i}` }));
      await h.iam.send(new AttachUserPolicyCommand({ UserName: `${prefix}-u${i}`, PolicyArn }));
    });
    await inBatches(5, 5, async (i) => {
      await h.iam.send(new CreateGroupCommand({ GroupName: `${prefix}-g${i}` }));
      await h.iam.send(new AttachGroupPolicyCommand({ GroupName: `${prefix}-g${i}`, PolicyArn }));
      await h.iam.send(new CreateRoleCommand({ RoleName: `${prefix}-r${i}`, AssumeRolePolicyDocument: trust }));
      await h.iam.send(new AttachRolePolicyCommand({ RoleName: `${prefix}-r${i}`, PolicyArn }));
    });
    // The same user can use the policy both ways: two rows, told apart by how it is attached.
    await h.iam.send(new PutUserPermissionsBoundaryCommand({ UserName: `${prefix}-u0`, PermissionsBoundary: PolicyArn }));
    await h.iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: `${prefix}-r0`, PermissionsBoundary: PolicyArn }));
    const page = await h.iam.send(new ListEntitiesForPolicyCommand({ PolicyArn, PolicyUsageFilter: "PermissionsPolicy", MaxItems: 1000 }));
    assert.equal(page.IsTruncated, true);

    const entities = await listEntitiesForPolicy({ principal, policyArn: PolicyArn });
    const keys = entities.map((e) => `${e.entityType}:${e.entityName}:${e.attachedAs}`);
    assert.equal(entities.length, 1052);
    assert.deepEqual(
      new Set(keys),
      new Set([
        ...range(1040).map((i) => `User:${prefix}-u${i}:PermissionsPolicy`),
        ...range(5).map((i) => `Group:${prefix}-g${i}:PermissionsPolicy`),
        ...range(5).map((i) => `Role:${prefix}-r${i}:PermissionsPolicy`),
        `User:${prefix}-u0:PermissionsBoundary`,
        `Role:${prefix}-r0:PermissionsBoundary`,
      ]),
    );
    assert.match(entities.find((e) => e.entityName === `${prefix}-r3`)!.entityId, /^AROA/);
  });
});
