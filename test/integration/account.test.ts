import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  AddRoleToInstanceProfileCommand,
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateAccountAliasCommand,
  CreateGroupCommand,
  CreateInstanceProfileCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  DeleteAccountAliasCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountSummaryCommand,
  ListAccountAliasesCommand,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
  type GetAccountAuthorizationDetailsCommandOutput,
  type EntityType,
} from "@aws-sdk/client-iam";
import type { Ctx } from "../../local-aws/context";
import { authorizationDetailsHandlers } from "../../local-aws/iam/authorization-details";
import { writeResponse } from "../../local-aws/protocol/query";
import { operation, services, type QueryService } from "../../local-aws/services";
import { awsError, startHarness, unique, type Harness } from "../helpers/local-aws";
import { referenceWriteResponse } from "../helpers/query-xml-reference";

const IAM_XMLNS = (services.iam as QueryService).xmlns;
const ACCOUNT = "000000000000";
const doc = (action: string) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: action, Resource: "*" }] });
const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
});
const READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
const ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";

describe("IAM account aliases", () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.stop());

  const aliases = async () => (await h.iam.send(new ListAccountAliasesCommand({}))).AccountAliases;

  it("lists no alias for a new account", async () => {
    const out = await h.iam.send(new ListAccountAliasesCommand({}));
    assert.deepEqual(out.AccountAliases, []);
    assert.equal(out.IsTruncated, false);
  });

  it("creates an alias, and a second one replaces the first", async () => {
    await h.iam.send(new CreateAccountAliasCommand({ AccountAlias: "clef-first" }));
    assert.deepEqual(await aliases(), ["clef-first"]);
    await h.iam.send(new CreateAccountAliasCommand({ AccountAlias: "clef-second" }));
    assert.deepEqual(await aliases(), ["clef-second"]);
  });

  it("refuses an alias that is already taken, by this account or another, with EntityAlreadyExists (409)", async () => {
    await h.iam.send(new CreateAccountAliasCommand({ AccountAlias: "clef-taken" }));
    const own = await awsError(h.iam.send(new CreateAccountAliasCommand({ AccountAlias: "clef-taken" })));
    assert.deepEqual(own, { name: "EntityAlreadyExistsException", message: "The account alias clef-taken already exists.", status: 409 });
    h.aws.db.prepare("INSERT INTO account_aliases (alias, account_id) VALUES ('someone-elses', '111111111111')").run();
    const other = await awsError(h.iam.send(new CreateAccountAliasCommand({ AccountAlias: "someone-elses" })));
    assert.equal(other.message, "The account alias someone-elses already exists.");
    assert.deepEqual(await aliases(), ["clef-taken"]);
  });

  it("deletes the alias only by its exact name, else NoSuchEntity (404)", async () => {
    await h.iam.send(new CreateAccountAliasCommand({ AccountAlias: "clef-delete-me" }));
    const wrong = await awsError(h.iam.send(new DeleteAccountAliasCommand({ AccountAlias: "clef-other" })));
    assert.deepEqual(wrong, { name: "NoSuchEntityException", message: "The account alias clef-other cannot be found.", status: 404 });
    const foreign = await awsError(h.iam.send(new DeleteAccountAliasCommand({ AccountAlias: "someone-elses" })));
    assert.equal(foreign.name, "NoSuchEntityException");
    await h.iam.send(new DeleteAccountAliasCommand({ AccountAlias: "clef-delete-me" }));
    assert.deepEqual(await aliases(), []);
  });

  it("validates the alias pattern with AWS's ValidationError wording", async () => {
    const e = await awsError(h.iam.send(new CreateAccountAliasCommand({ AccountAlias: "Bad--Alias" })));
    assert.equal(e.name, "ValidationError");
    assert.equal(e.status, 400);
    assert.equal(
      e.message,
      "1 validation error detected: Value 'Bad--Alias' at 'accountAlias' failed to satisfy constraint: " +
        "Member must satisfy regular expression pattern: ^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$",
    );
    const short = await awsError(h.iam.send(new DeleteAccountAliasCommand({ AccountAlias: "ab" })));
    assert.match(short.message, /Member must have length greater than or equal to 3/);
  });
});

describe("IAM GetAccountSummary", () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.stop());

  const summary = async () => (await h.iam.send(new GetAccountSummaryCommand({}))).SummaryMap!;

  it("returns every key AWS returns, with AWS's default quotas", async () => {
    const map = await summary();
    assert.deepEqual(Object.keys(map).sort(), [
      "AccessKeysPerUserQuota",
      "AccountAccessKeysPresent",
      "AccountMFAEnabled",
      "AccountSigningCertificatesPresent",
      "AssumeRolePolicySizeQuota",
      "AttachedPoliciesPerGroupQuota",
      "AttachedPoliciesPerRoleQuota",
      "AttachedPoliciesPerUserQuota",
      "GlobalEndpointTokenVersion",
      "GroupPolicySizeQuota",
      "Groups",
      "GroupsPerUserQuota",
      "GroupsQuota",
      "InstanceProfiles",
      "InstanceProfilesQuota",
      "MFADevices",
      "MFADevicesInUse",
      "Policies",
      "PoliciesQuota",
      "PolicySizeQuota",
      "PolicyVersionsInUse",
      "PolicyVersionsInUseQuota",
      "Providers",
      "RolePolicySizeQuota",
      "Roles",
      "RolesQuota",
      "ServerCertificates",
      "ServerCertificatesQuota",
      "SigningCertificatesPerUserQuota",
      "UserPolicySizeQuota",
      "Users",
      "UsersQuota",
      "VersionsPerPolicyQuota",
    ]);
    assert.deepEqual(
      {
        UsersQuota: map.UsersQuota,
        GroupsQuota: map.GroupsQuota,
        RolesQuota: map.RolesQuota,
        PoliciesQuota: map.PoliciesQuota,
        InstanceProfilesQuota: map.InstanceProfilesQuota,
        PolicyVersionsInUseQuota: map.PolicyVersionsInUseQuota,
        VersionsPerPolicyQuota: map.VersionsPerPolicyQuota,
        AttachedPoliciesPerUserQuota: map.AttachedPoliciesPerUserQuota,
        AttachedPoliciesPerGroupQuota: map.AttachedPoliciesPerGroupQuota,
        AttachedPoliciesPerRoleQuota: map.AttachedPoliciesPerRoleQuota,
        GroupsPerUserQuota: map.GroupsPerUserQuota,
        AccessKeysPerUserQuota: map.AccessKeysPerUserQuota,
        SigningCertificatesPerUserQuota: map.SigningCertificatesPerUserQuota,
        ServerCertificatesQuota: map.ServerCertificatesQuota,
        PolicySizeQuota: map.PolicySizeQuota,
        GroupPolicySizeQuota: map.GroupPolicySizeQuota,
        UserPolicySizeQuota: map.UserPolicySizeQuota,
        RolePolicySizeQuota: map.RolePolicySizeQuota,
        AssumeRolePolicySizeQuota: map.AssumeRolePolicySizeQuota,
      },
      {
        UsersQuota: 5000,
        GroupsQuota: 300,
        RolesQuota: 1000,
        PoliciesQuota: 1500,
        InstanceProfilesQuota: 1000,
        PolicyVersionsInUseQuota: 10000,
        VersionsPerPolicyQuota: 5,
        AttachedPoliciesPerUserQuota: 10,
        AttachedPoliciesPerGroupQuota: 10,
        AttachedPoliciesPerRoleQuota: 10,
        GroupsPerUserQuota: 10,
        AccessKeysPerUserQuota: 2,
        SigningCertificatesPerUserQuota: 2,
        ServerCertificatesQuota: 20,
        PolicySizeQuota: 6144,
        GroupPolicySizeQuota: 5120,
        UserPolicySizeQuota: 2048,
        RolePolicySizeQuota: 10240,
        AssumeRolePolicySizeQuota: 2048,
      },
    );
    assert.equal(map.AccountAccessKeysPresent, 1, "the root user holds the default access key");
    assert.equal(map.AccountMFAEnabled, 0);
    assert.equal(map.GlobalEndpointTokenVersion, 1);
  });

  it("counts users, groups and roles", async () => {
    const before = await summary();
    await h.iam.send(new CreateUserCommand({ UserName: unique("sum-user") }));
    await h.iam.send(new CreateUserCommand({ UserName: unique("sum-user") }));
    await h.iam.send(new CreateGroupCommand({ GroupName: unique("sum-group") }));
    await h.iam.send(new CreateRoleCommand({ RoleName: unique("sum-role"), AssumeRolePolicyDocument: TRUST }));
    const now = await summary();
    assert.equal(now.Users! - before.Users!, 2);
    assert.equal(now.Groups! - before.Groups!, 1);
    assert.equal(now.Roles! - before.Roles!, 1);
  });

  it("counts customer managed policies, attachments, instance profiles and MFA devices", async () => {
    const before = await summary();
    const user = unique("sum-att");
    await h.iam.send(new CreateUserCommand({ UserName: user }));
    const { Policy } = await h.iam.send(new CreatePolicyCommand({ PolicyName: unique("sum-pol"), PolicyDocument: doc("s3:GetObject") }));
    await h.iam.send(new AttachUserPolicyCommand({ UserName: user, PolicyArn: Policy!.Arn! }));
    await h.iam.send(new AttachUserPolicyCommand({ UserName: user, PolicyArn: READ_ONLY }));
    await h.iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: unique("sum-ip") }));
    await h.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: unique("sum-mfa") }));
    const now = await summary();
    assert.equal(now.Policies! - before.Policies!, 1, "AWS managed policies are not counted");
    assert.equal(now.PolicyVersionsInUse! - before.PolicyVersionsInUse!, 2);
    assert.equal(now.InstanceProfiles! - before.InstanceProfiles!, 1);
    assert.equal(now.MFADevices! - before.MFADevices!, 1);
    assert.equal(now.MFADevicesInUse, before.MFADevicesInUse, "an unassigned device is not in use");
  });
});

describe("IAM GetAccountAuthorizationDetails", () => {
  let h: Harness;
  const n = {
    user: unique("gaad-user"),
    group: unique("gaad-group"),
    role: unique("gaad-role"),
    bounded: unique("gaad-bounded"),
    ip: unique("gaad-ip"),
    pol: unique("gaad-pol"),
  };
  let policyArn = "";

  before(async () => {
    h = await startHarness();
    const { Policy } = await h.iam.send(new CreatePolicyCommand({ PolicyName: n.pol, PolicyDocument: doc("s3:GetObject") }));
    policyArn = Policy!.Arn!;
    await h.iam.send(new CreatePolicyVersionCommand({ PolicyArn: policyArn, PolicyDocument: doc("s3:*"), SetAsDefault: true }));
    await h.iam.send(new CreateUserCommand({ UserName: n.user, Path: "/eng/", Tags: [{ Key: "team", Value: "red" }] }));
    await h.iam.send(new PutUserPolicyCommand({ UserName: n.user, PolicyName: "inline-u", PolicyDocument: doc("ec2:Describe*") }));
    await h.iam.send(new AttachUserPolicyCommand({ UserName: n.user, PolicyArn: policyArn }));
    await h.iam.send(new PutUserPermissionsBoundaryCommand({ UserName: n.user, PermissionsBoundary: policyArn }));
    await h.iam.send(new CreateGroupCommand({ GroupName: n.group }));
    await h.iam.send(new AddUserToGroupCommand({ GroupName: n.group, UserName: n.user }));
    await h.iam.send(new PutGroupPolicyCommand({ GroupName: n.group, PolicyName: "inline-g", PolicyDocument: doc("sqs:*") }));
    await h.iam.send(new AttachGroupPolicyCommand({ GroupName: n.group, PolicyArn: READ_ONLY }));
    await h.iam.send(new CreateRoleCommand({ RoleName: n.role, AssumeRolePolicyDocument: TRUST, Tags: [{ Key: "app", Value: "web" }] }));
    await h.iam.send(new PutRolePolicyCommand({ RoleName: n.role, PolicyName: "inline-r", PolicyDocument: doc("sns:*") }));
    await h.iam.send(new AttachRolePolicyCommand({ RoleName: n.role, PolicyArn: policyArn }));
    await h.iam.send(new CreateRoleCommand({ RoleName: n.bounded, AssumeRolePolicyDocument: TRUST, PermissionsBoundary: policyArn }));
    await h.iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: n.ip }));
    await h.iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: n.ip, RoleName: n.role }));
  });
  after(async () => h.stop());

  const details = (Filter?: EntityType[], MaxItems?: number, Marker?: string) =>
    h.iam.send(new GetAccountAuthorizationDetailsCommand({ Filter, MaxItems, Marker }));

  it("describes users with inline documents URL-encoded, groups, attachments, boundary and tags", async () => {
    const out = await details(["User"]);
    const user = out.UserDetailList!.find((u) => u.UserName === n.user)!;
    assert.equal(user.Path, "/eng/");
    assert.equal(user.Arn, `arn:aws:iam::${ACCOUNT}:user/eng/${n.user}`);
    assert.match(user.UserId!, /^AIDA[A-Z0-9]{17}$/);
    assert.ok(user.CreateDate instanceof Date);
    assert.deepEqual(user.UserPolicyList, [{ PolicyName: "inline-u", PolicyDocument: encodeURIComponent(doc("ec2:Describe*")) }]);
    assert.deepEqual(user.GroupList, [n.group]);
    assert.deepEqual(user.AttachedManagedPolicies, [{ PolicyName: n.pol, PolicyArn: policyArn }]);
    assert.deepEqual(user.PermissionsBoundary, { PermissionsBoundaryType: "Policy", PermissionsBoundaryArn: policyArn });
    assert.deepEqual(user.Tags, [{ Key: "team", Value: "red" }]);
    assert.deepEqual([out.GroupDetailList, out.RoleDetailList, out.Policies], [[], [], []], "the filter leaves the other lists empty");
  });

  it("describes groups and roles with their policies, instance profiles and last use", async () => {
    const out = await details(["Group", "Role"]);
    const group = out.GroupDetailList!.find((g) => g.GroupName === n.group)!;
    assert.match(group.GroupId!, /^AGPA/);
    assert.deepEqual(group.GroupPolicyList, [{ PolicyName: "inline-g", PolicyDocument: encodeURIComponent(doc("sqs:*")) }]);
    assert.deepEqual(group.AttachedManagedPolicies, [{ PolicyName: "ReadOnlyAccess", PolicyArn: READ_ONLY }]);
    const role = out.RoleDetailList!.find((r) => r.RoleName === n.role)!;
    assert.equal(role.Arn, `arn:aws:iam::${ACCOUNT}:role/${n.role}`);
    assert.equal(role.AssumeRolePolicyDocument, encodeURIComponent(TRUST));
    assert.deepEqual(role.RolePolicyList, [{ PolicyName: "inline-r", PolicyDocument: encodeURIComponent(doc("sns:*")) }]);
    assert.deepEqual(role.AttachedManagedPolicies, [{ PolicyName: n.pol, PolicyArn: policyArn }]);
    assert.deepEqual(role.Tags, [{ Key: "app", Value: "web" }]);
    assert.deepEqual(role.RoleLastUsed, {});
    assert.equal(role.PermissionsBoundary, undefined);
    assert.equal(role.InstanceProfileList!.length, 1);
    const ip = role.InstanceProfileList![0];
    assert.equal(ip.InstanceProfileName, n.ip);
    assert.equal(ip.Arn, `arn:aws:iam::${ACCOUNT}:instance-profile/${n.ip}`);
    assert.deepEqual(
      ip.Roles!.map((r) => [r.RoleName, r.RoleId, r.AssumeRolePolicyDocument]),
      [[n.role, role.RoleId, encodeURIComponent(TRUST)]],
    );
    assert.deepEqual(out.UserDetailList, []);
  });

  it("lists customer managed policies with every version, and AWS managed ones only while attached", async () => {
    const out = await details();
    const pol = out.Policies!.find((p) => p.Arn === policyArn)!;
    assert.equal(pol.PolicyName, n.pol);
    assert.match(pol.PolicyId!, /^ANPA/);
    assert.equal(pol.DefaultVersionId, "v2");
    assert.equal(pol.AttachmentCount, 2);
    assert.equal(pol.PermissionsBoundaryUsageCount, 2, "the user's boundary and the role's");
    assert.equal(pol.IsAttachable, true);
    assert.deepEqual(
      pol.PolicyVersionList!.map((v) => [v.VersionId, v.IsDefaultVersion, v.Document]),
      [
        ["v2", true, encodeURIComponent(doc("s3:*"))],
        ["v1", false, encodeURIComponent(doc("s3:GetObject"))],
      ],
    );
    const arns = out.Policies!.map((p) => p.Arn);
    assert.ok(arns.includes(READ_ONLY), "an attached AWS managed policy is listed");
    assert.ok(!arns.includes(ADMIN), "an unattached AWS managed policy is not");
    assert.equal(out.Policies!.find((p) => p.Arn === READ_ONLY)!.AttachmentCount, 1);

    const local = await details(["LocalManagedPolicy"]);
    assert.ok(local.Policies!.every((p) => !p.Arn!.startsWith("arn:aws:iam::aws:")));
    assert.ok(local.Policies!.some((p) => p.Arn === policyArn));
    const aws = await details(["AWSManagedPolicy"]);
    assert.deepEqual(
      aws.Policies!.map((p) => p.Arn),
      [READ_ONLY],
    );
  });

  it("writes its XML byte for byte as the reference writer does, on whole and partial pages", () => {
    const ctx = { db: h.aws.db, accountId: ACCOUNT } as unknown as Ctx;
    const op = operation(services.iam, "GetAccountAuthorizationDetails")!;
    const details = (input: object) => authorizationDetailsHandlers.GetAccountAuthorizationDetails(input, ctx) as Record<string, unknown>;
    const { Marker } = details({ MaxItems: 3 });
    for (const input of [{}, { MaxItems: 3 }, { Marker, MaxItems: 1000 }, { Filter: ["Role", "AWSManagedPolicy"] }]) {
      const output = details(input);
      const xml = writeResponse("GetAccountAuthorizationDetails", op.output, output, IAM_XMLNS, "req");
      assert.equal(xml, referenceWriteResponse("GetAccountAuthorizationDetails", op.output, output, IAM_XMLNS, "req"));
    }
    const xml = writeResponse("GetAccountAuthorizationDetails", op.output, details({}), IAM_XMLNS, "req");
    for (const part of [n.user, n.group, n.role, n.ip, n.pol, "<Tags>", "<PolicyVersionList>", "<InstanceProfileList>"]) {
      assert.ok(xml.includes(part), `the page holds ${part}`);
    }
  });

  it("paginates across the combined lists with MaxItems and Marker", async () => {
    const all = await details(undefined, 1000);
    assert.equal(all.IsTruncated, false);
    const names = (o: GetAccountAuthorizationDetailsCommandOutput) => [
      ...o.UserDetailList!.map((u) => `u:${u.UserName}`),
      ...o.GroupDetailList!.map((g) => `g:${g.GroupName}`),
      ...o.RoleDetailList!.map((r) => `r:${r.RoleName}`),
      ...o.Policies!.map((p) => `p:${p.Arn}`),
    ];
    const seen: string[] = [];
    let Marker: string | undefined;
    let pages = 0;
    do {
      const page = await details(undefined, 2, Marker);
      const got = names(page);
      assert.ok(got.length <= 2);
      seen.push(...got);
      assert.equal(page.IsTruncated, page.Marker !== undefined);
      Marker = page.Marker;
      pages++;
    } while (Marker);
    assert.deepEqual(seen, names(all));
    assert.equal(pages, Math.ceil(seen.length / 2));
  });

  it("rejects a malformed marker, an out-of-range MaxItems and an unknown Filter with ValidationError", async () => {
    const bad = await awsError(details(undefined, undefined, "bm90LWEtbWFya2Vy"));
    assert.equal(bad.name, "ValidationError");
    assert.equal(bad.status, 400);
    const big = await awsError(details(undefined, 1001));
    assert.match(big.message, /Member must have value less than or equal to 1000/);
    const filter = await awsError(details(["Users" as EntityType]));
    assert.equal(
      filter.message,
      "1 validation error detected: Value 'Users' at 'filter.1.member' failed to satisfy constraint: " +
        "Member must satisfy enum value set: [User, Role, Group, LocalManagedPolicy, AWSManagedPolicy]",
    );
  });
});
