import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachUserPolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  GenerateOrganizationsAccessReportCommand,
  GenerateServiceLastAccessedDetailsCommand,
  GetAccessKeyLastUsedCommand,
  GetUserCommand,
  GetOrganizationsAccessReportCommand,
  GetRoleCommand,
  GetServiceLastAccessedDetailsCommand,
  GetServiceLastAccessedDetailsWithEntitiesCommand,
  ListPoliciesGrantingServiceAccessCommand,
  ListRolesCommand,
  ListUsersCommand,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  TagUserCommand,
  type ServiceLastAccessed,
} from "@aws-sdk/client-iam";
import { AssumeRoleCommand, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { CreateOrganizationCommand, ListRootsCommand } from "@aws-sdk/client-organizations";
import { awsError, startHarness, unique, type Harness } from "../helpers/local-aws";
import { ACCOUNT, allow, iamUser, policy } from "../helpers/iam-user";
import { services as catalogueServices } from "../../lib/policy/catalogue";
import Database from "better-sqlite3";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("IAM last accessed data", () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.stop());

  /** Generates a report, sees it IN_PROGRESS, then reads it COMPLETED. */
  async function report(Arn: string, Granularity?: "SERVICE_LEVEL" | "ACTION_LEVEL") {
    const { JobId } = await h.iam.send(new GenerateServiceLastAccessedDetailsCommand({ Arn, Granularity }));
    assert.match(JobId!, /^[0-9a-f-]{36}$/);
    const first = await h.iam.send(new GetServiceLastAccessedDetailsCommand({ JobId }));
    assert.equal(first.JobStatus, "IN_PROGRESS");
    assert.deepEqual(first.ServicesLastAccessed, []);
    await sleep(1050);
    const done = await h.iam.send(new GetServiceLastAccessedDetailsCommand({ JobId }));
    assert.equal(done.JobStatus, "COMPLETED");
    assert.equal(done.JobType, Granularity ?? "SERVICE_LEVEL");
    assert.ok(done.JobCompletionDate! >= done.JobCreationDate!);
    return { JobId: JobId!, ...done, byNamespace: new Map(done.ServicesLastAccessed!.map((s) => [s.ServiceNamespace!, s])) };
  }

  const recent = (d: Date | undefined) => assert.ok(d && Math.abs(d.getTime() - Date.now()) < 30_000, String(d));

  it("reports each service a user's policies allow, when it last tried it, and its management actions", async () => {
    const user = await iamUser(h, { inline: policy(allow(["iam:*", "sts:GetCallerIdentity", "s3:GetObject"])) });
    await user.iam.send(new ListUsersCommand({}));
    await user.iam.send(new TagUserCommand({ UserName: user.name, Tags: [{ Key: "k", Value: "v" }] }));
    await user.sts.send(new GetCallerIdentityCommand({}));
    const r = await report(user.arn, "ACTION_LEVEL");
    assert.deepEqual([...r.byNamespace.keys()].sort(), ["iam", "s3", "sts"]);
    const iam = r.byNamespace.get("iam")!;
    assert.equal(iam.ServiceName, "AWS Identity and Access Management (IAM)");
    recent(iam.LastAuthenticated);
    assert.equal(iam.LastAuthenticatedEntity, user.arn);
    assert.equal(iam.LastAuthenticatedRegion, "us-east-1");
    assert.equal(iam.TotalAuthenticatedEntities, 1);
    const tagged = iam.TrackedActionsLastAccessed!.find((a) => a.ActionName === "TagUser")!;
    assert.equal(tagged.LastAccessedEntity, user.arn);
    assert.equal(tagged.LastAccessedRegion, "us-east-1");
    recent(tagged.LastAccessedTime);
    assert.deepEqual(
      iam.TrackedActionsLastAccessed!.find((a) => a.ActionName === "CreateUser"),
      { ActionName: "CreateUser" },
      "allowed but never tried",
    );
    assert.equal(
      iam.TrackedActionsLastAccessed!.find((a) => a.ActionName === "ListUsers"),
      undefined,
      "read and list actions are not tracked",
    );
    const s3 = r.byNamespace.get("s3")! as ServiceLastAccessed;
    assert.deepEqual(s3, { ServiceName: s3.ServiceName, ServiceNamespace: "s3" }, "not accessed in the tracking period");
    recent(r.byNamespace.get("sts")!.LastAuthenticated);
    assert.equal(r.byNamespace.get("sts")!.TrackedActionsLastAccessed, undefined);

    const service = await report(user.arn);
    assert.equal(service.byNamespace.get("iam")!.TrackedActionsLastAccessed, undefined);
    const page = await h.iam.send(new GetServiceLastAccessedDetailsCommand({ JobId: service.JobId, MaxItems: 2 }));
    assert.equal(page.IsTruncated, true);
    const rest = await h.iam.send(new GetServiceLastAccessedDetailsCommand({ JobId: service.JobId, Marker: page.Marker }));
    assert.deepEqual(
      [...page.ServicesLastAccessed!, ...rest.ServicesLastAccessed!].map((s) => s.ServiceNamespace),
      service.ServicesLastAccessed!.map((s) => s.ServiceNamespace),
    );
  });

  it("counts the attempts AWS refused too, and makes the access key's last use real", async () => {
    const user = await iamUser(h, { inline: policy(allow("iam:GetUser")) });
    await awsError(user.iam.send(new ListRolesCommand({})));
    const r = await report(user.arn);
    recent(r.byNamespace.get("iam")!.LastAuthenticated);
    await user.iam.send(new GetUserCommand({}));
    const { AccessKeyLastUsed, UserName } = await h.iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: user.accessKeyId }));
    assert.equal(UserName, user.name);
    assert.equal(AccessKeyLastUsed!.ServiceName, "iam");
    assert.equal(AccessKeyLastUsed!.Region, "us-east-1");
    recent(AccessKeyLastUsed!.LastUsedDate);
  });

  it("reports a group by its members, naming each member's last attempt", async () => {
    const group = unique("grp");
    const { Group } = await h.iam.send(new CreateGroupCommand({ GroupName: group }));
    await h.iam.send(
      new PutGroupPolicyCommand({ GroupName: group, PolicyName: "read", PolicyDocument: JSON.stringify(policy(allow("iam:List*"))) }),
    );
    const alice = await iamUser(h);
    const bob = await iamUser(h);
    const idle = await iamUser(h);
    for (const u of [alice, bob, idle]) await h.iam.send(new AddUserToGroupCommand({ GroupName: group, UserName: u.name }));
    await alice.iam.send(new ListUsersCommand({}));
    await sleep(20);
    await bob.iam.send(new ListUsersCommand({}));
    const r = await report(Group!.Arn!);
    const iam = r.byNamespace.get("iam")!;
    assert.equal(iam.LastAuthenticatedEntity, bob.arn);
    assert.equal(iam.TotalAuthenticatedEntities, 2);
    const { EntityDetailsList, JobStatus } = await h.iam.send(
      new GetServiceLastAccessedDetailsWithEntitiesCommand({ JobId: r.JobId, ServiceNamespace: "iam" }),
    );
    assert.equal(JobStatus, "COMPLETED");
    assert.deepEqual(
      EntityDetailsList!.map((e) => [e.EntityInfo!.Name, e.EntityInfo!.Type, !!e.LastAuthenticated]),
      [
        [bob.name, "USER", true],
        [alice.name, "USER", true],
        [idle.name, "USER", false],
      ],
    );
    assert.equal(EntityDetailsList![0].EntityInfo!.Arn, bob.arn);
    assert.equal(EntityDetailsList![0].EntityInfo!.Path, "/");
    assert.match(EntityDetailsList![0].EntityInfo!.Id!, /^AIDA/);
  });

  it("reports a role through its sessions, and a managed policy through the entities it is attached to", async () => {
    const caller = await iamUser(h, { inline: policy(allow("sts:AssumeRole")) });
    const role = unique("role");
    const trust = policy({ Effect: "Allow", Principal: { AWS: caller.arn }, Action: "sts:AssumeRole" });
    const { Role } = await h.iam.send(new CreateRoleCommand({ RoleName: role, AssumeRolePolicyDocument: JSON.stringify(trust) }));
    await h.iam.send(
      new PutRolePolicyCommand({ RoleName: role, PolicyName: "p", PolicyDocument: JSON.stringify(policy(allow("iam:ListUsers"))) }),
    );
    const { Credentials } = await caller.sts.send(new AssumeRoleCommand({ RoleArn: Role!.Arn, RoleSessionName: "advisor" }));
    const session = h.client(Credentials!.AccessKeyId!, Credentials!.SecretAccessKey!);
    session.iam.config.credentials = async () => ({
      accessKeyId: Credentials!.AccessKeyId!,
      secretAccessKey: Credentials!.SecretAccessKey!,
      sessionToken: Credentials!.SessionToken!,
    });
    await session.iam.send(new ListUsersCommand({}));
    const r = await report(Role!.Arn!);
    assert.equal(r.byNamespace.get("iam")!.LastAuthenticatedEntity, Role!.Arn);
    const used = (await h.iam.send(new GetRoleCommand({ RoleName: role }))).Role!.RoleLastUsed!;
    recent(used.LastUsedDate);
    assert.equal(used.Region, "us-east-1");

    const { Policy } = await h.iam.send(
      new CreatePolicyCommand({
        PolicyName: unique("p"),
        PolicyDocument: JSON.stringify(policy(allow(["iam:ListUsers", "ec2:Describe*"]))),
      }),
    );
    const user = await iamUser(h);
    await h.iam.send(new AttachUserPolicyCommand({ UserName: user.name, PolicyArn: Policy!.Arn }));
    await user.iam.send(new ListUsersCommand({}));
    const p = await report(Policy!.Arn!);
    assert.deepEqual([...p.byNamespace.keys()].sort(), ["ec2", "iam"]);
    assert.equal(p.byNamespace.get("iam")!.LastAuthenticatedEntity, user.arn);
    const entities = await h.iam.send(new GetServiceLastAccessedDetailsWithEntitiesCommand({ JobId: p.JobId, ServiceNamespace: "ec2" }));
    assert.deepEqual(
      entities.EntityDetailsList!.map((e) => [e.EntityInfo!.Arn, e.LastAuthenticated]),
      [[user.arn, undefined]],
    );
  });

  it("lists the policies that grant each service, inline ones by the entity holding them", async () => {
    const group = unique("grp");
    await h.iam.send(new CreateGroupCommand({ GroupName: group }));
    await h.iam.send(
      new PutGroupPolicyCommand({ GroupName: group, PolicyName: "g-inline", PolicyDocument: JSON.stringify(policy(allow("s3:*"))) }),
    );
    await h.iam.send(new AttachGroupPolicyCommand({ GroupName: group, PolicyArn: "arn:aws:iam::aws:policy/IAMReadOnlyAccess" }));
    const user = await iamUser(h, { inline: policy(allow(["iam:GetUser", "s3:GetObject"])) });
    await h.iam.send(new AddUserToGroupCommand({ GroupName: group, UserName: user.name }));
    const out = await h.iam.send(new ListPoliciesGrantingServiceAccessCommand({ Arn: user.arn, ServiceNamespaces: ["iam", "s3", "ec2"] }));
    assert.equal(out.IsTruncated, false);
    assert.deepEqual(out.PoliciesGrantingServiceAccess, [
      {
        ServiceNamespace: "iam",
        Policies: [
          { PolicyName: "inline", PolicyType: "INLINE", EntityType: "USER", EntityName: user.name },
          { PolicyName: "IAMReadOnlyAccess", PolicyType: "MANAGED", PolicyArn: "arn:aws:iam::aws:policy/IAMReadOnlyAccess" },
        ],
      },
      {
        ServiceNamespace: "s3",
        Policies: [
          { PolicyName: "inline", PolicyType: "INLINE", EntityType: "USER", EntityName: user.name },
          { PolicyName: "g-inline", PolicyType: "INLINE", EntityType: "GROUP", EntityName: group },
        ],
      },
      { ServiceNamespace: "ec2", Policies: [] },
    ]);
  });

  it("answers AWS's errors for a missing entity, a bad ARN or job, and a caller without permission", async () => {
    const missing = `arn:aws:iam::${ACCOUNT}:user/nobody-${unique("x")}`;
    const gen = (Arn: string) => h.iam.send(new GenerateServiceLastAccessedDetailsCommand({ Arn }));
    const nobody = await awsError(gen(missing));
    assert.equal(nobody.name, "NoSuchEntityException");
    assert.equal(nobody.status, 404);
    assert.match(nobody.message, /^The user with name nobody-.* cannot be found\.$/);
    assert.deepEqual(await awsError(gen(`arn:aws:s3:::bucket-${ACCOUNT}`)), {
      name: "InvalidInputException",
      message: `ARN arn:aws:s3:::bucket-${ACCOUNT} is not valid.`,
      status: 400,
    });
    const job = "00000000-0000-0000-0000-000000000000";
    assert.deepEqual(await awsError(h.iam.send(new GetServiceLastAccessedDetailsCommand({ JobId: job }))), {
      name: "NoSuchEntityException",
      message: `The job with ID ${job} cannot be found.`,
      status: 404,
    });
    const user = await iamUser(h);
    const denied = await awsError(user.iam.send(new GenerateServiceLastAccessedDetailsCommand({ Arn: user.arn })));
    assert.deepEqual(denied, {
      name: "AccessDenied",
      status: 403,
      message:
        `User: ${user.arn} is not authorized to perform: iam:GenerateServiceLastAccessedDetails on resource: ${user.arn} ` +
        "because no identity-based policy allows the iam:GenerateServiceLastAccessedDetails action",
    });
    const list = await awsError(user.iam.send(new ListPoliciesGrantingServiceAccessCommand({ Arn: user.arn, ServiceNamespaces: ["iam"] })));
    assert.equal(list.name, "AccessDenied");
  });

  it("reports an organization's accounts by the services their SCPs allow, from the management account", async () => {
    const user = await iamUser(h, { inline: policy(allow("iam:ListUsers")) });
    const refused = await awsError(h.iam.send(new GenerateOrganizationsAccessReportCommand({ EntityPath: "o-aaaaaaaaaa/r-aaaa" })));
    assert.equal(refused.name, "InvalidInputException");
    const { Organization } = await h.organizations.send(new CreateOrganizationCommand({}));
    const { Roots } = await h.organizations.send(new ListRootsCommand({}));
    await user.iam.send(new ListUsersCommand({}));
    const EntityPath = `${Organization!.Id}/${Roots![0].Id}`;
    const { JobId } = await h.iam.send(new GenerateOrganizationsAccessReportCommand({ EntityPath }));
    assert.equal((await h.iam.send(new GetOrganizationsAccessReportCommand({ JobId }))).JobStatus, "IN_PROGRESS");
    await sleep(1050);
    const done = await h.iam.send(new GetOrganizationsAccessReportCommand({ JobId, SortKey: "LAST_AUTHENTICATED_TIME_DESCENDING" }));
    assert.equal(done.JobStatus, "COMPLETED");
    assert.equal(done.NumberOfServicesAccessible, catalogueServices().length);
    const first = done.AccessDetails![0];
    assert.equal(first.ServiceNamespace, "iam");
    assert.equal(first.EntityPath, `${EntityPath}/${ACCOUNT}`);
    assert.equal(first.Region, "us-east-1");
    recent(first.LastAuthenticatedTime);
    assert.ok(first.TotalAuthenticatedEntities! >= 1);
    assert.ok(done.NumberOfServicesNotAccessed! < done.NumberOfServicesAccessible!);

    const scp = await h.iam.send(new GenerateOrganizationsAccessReportCommand({ EntityPath, OrganizationsPolicyId: "p-FullAWSAccess" }));
    assert.match(scp.JobId!, /^[0-9a-f-]{36}$/);
    assert.deepEqual(
      await awsError(h.iam.send(new GenerateOrganizationsAccessReportCommand({ EntityPath: `${Organization!.Id}/r-zzzz` }))),
      {
        name: "InvalidInputException",
        message: `Invalid entity path: ${Organization!.Id}/r-zzzz`,
        status: 400,
      },
    );
  });
  it("a snapshot holds the attempts noted just before it, and a reset drops those not yet written", async () => {
    const user = await iamUser(h, { inline: policy(allow(["iam:ListUsers"])) });
    await user.iam.send(new ListUsersCommand({}));
    const name = unique("la-snap");
    assert.equal((await fetch(`${h.aws.url}/_clef/snapshots/${name}`, { method: "PUT" })).status, 200);

    // Another local-aws restores the snapshot: only what the file holds can be there.
    const dataDir = mkdtempSync(join(tmpdir(), "clef-test-"));
    mkdirSync(join(dataDir, "snapshots"));
    copyFileSync(join(h.config.dataDir, "snapshots", `${name}.sqlite`), join(dataDir, "snapshots", `${name}.sqlite`));
    const other = await startHarness({ dataDir });
    try {
      assert.equal((await fetch(`${other.aws.url}/_clef/snapshots/${name}/restore`, { method: "POST" })).status, 200);
      const { JobId } = await other.iam.send(new GenerateServiceLastAccessedDetailsCommand({ Arn: user.arn }));
      await sleep(1050);
      const done = await other.iam.send(new GetServiceLastAccessedDetailsCommand({ JobId }));
      recent(done.ServicesLastAccessed!.find((x) => x.ServiceNamespace === "iam")?.LastAuthenticated);
    } finally {
      await other.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }

    // Noted, then reset before the batch is written: nothing of it survives the reset.
    await user.iam.send(new ListUsersCommand({}));
    await h.reset();
    await sleep(1200);
    const rows = await fetch(`${h.aws.url}/_clef/snapshots/${name}-after`, { method: "PUT" });
    assert.equal(rows.status, 200);
    const db = new Database(join(h.config.dataDir, "snapshots", `${name}-after.sqlite`), { readonly: true });
    try {
      assert.deepEqual(db.prepare("SELECT entity_arn FROM last_accessed").all(), []);
    } finally {
      db.close();
    }
  });
});
