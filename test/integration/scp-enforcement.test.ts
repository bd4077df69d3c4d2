import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateRoleCommand,
  CreateUserCommand,
  ListGroupsCommand,
  ListRolesCommand,
  ListUsersCommand,
  PutUserPolicyCommand,
  SimulateCustomPolicyCommand,
  SimulatePrincipalPolicyCommand,
} from "@aws-sdk/client-iam";
import {
  AttachPolicyCommand,
  CreateOrganizationalUnitCommand,
  CreatePolicyCommand,
  DescribeOrganizationCommand,
  DetachPolicyCommand,
  MoveAccountCommand,
  type PolicyType,
} from "@aws-sdk/client-organizations";
import { AssumeRoleCommand, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { awsError, startHarness, unique, type Harness } from "../helpers/local-aws";
import { ACCOUNT, allow, iamUser, policy, type TestUser } from "../helpers/iam-user";
import { createMember, createOrganization, rootClients } from "../helpers/organizations";
import { sessionClients, standaloneAccount, trusting, trustPolicy, type Clients } from "../helpers/sessions";

const doc = (...Statement: Record<string, unknown>[]) => JSON.stringify({ Version: "2012-10-17", Statement });

describe("SCPs along root → OUs → account, and RCPs on member accounts' roles", () => {
  let h: Harness;
  let rootId: string;
  let admin: TestUser;
  let ouId: string;
  let member: string;
  let asMember: Clients;

  async function scp(name: string, content: string, type: PolicyType = "SERVICE_CONTROL_POLICY") {
    const out = await h.organizations.send(new CreatePolicyCommand({ Name: name, Description: name, Type: type, Content: content }));
    return out.Policy!.PolicySummary!;
  }
  const attach = (PolicyId: string, TargetId: string) => h.organizations.send(new AttachPolicyCommand({ PolicyId, TargetId }));
  const detach = (PolicyId: string, TargetId: string) => h.organizations.send(new DetachPolicyCommand({ PolicyId, TargetId }));

  /** The management account's administrator switches into the member account through OrganizationAccountAccessRole. */
  async function intoMember(account: string): Promise<Clients> {
    const RoleArn = `arn:aws:iam::${account}:role/OrganizationAccountAccessRole`;
    const out = await admin.sts.send(new AssumeRoleCommand({ RoleArn, RoleSessionName: "admin" }));
    return sessionClients(h, out.Credentials);
  }

  before(async () => {
    h = await startHarness({ createAccountSeconds: 0 });
    rootId = await createOrganization(h, "ALL", ["SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY"]);
    admin = await iamUser(h, { prefix: "org-admin", managed: ["AdministratorAccess"] });
    ouId = (await h.organizations.send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: "workloads" }))).OrganizationalUnit!
      .Id!;
    member = (await createMember(h, unique("dev"))).accountId;
    await h.organizations.send(new MoveAccountCommand({ AccountId: member, SourceParentId: rootId, DestinationParentId: ouId }));
    asMember = await intoMember(member);
  });
  after(async () => h.stop());

  test("an SCP denying iam:CreateUser on the OU refuses it in the member account, with AWS's words and the policy's ARN", async () => {
    await asMember.iam.send(new CreateUserCommand({ UserName: unique("before") }));
    const deny = await scp(unique("no-users"), doc({ Effect: "Deny", Action: "iam:CreateUser", Resource: "*" }));
    await attach(deny.Id!, ouId);
    try {
      const name = unique("after");
      const e = await awsError(asMember.iam.send(new CreateUserCommand({ UserName: name })));
      assert.equal(e.name, "AccessDenied");
      assert.equal(
        e.message,
        `User: arn:aws:sts::${member}:assumed-role/OrganizationAccountAccessRole/admin is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::${member}:user/${name} with an explicit deny in a service control policy: ${deny.Arn}`,
      );
      assert.match(deny.Arn!, new RegExp(`^arn:aws:organizations::${ACCOUNT}:policy/o-[a-z0-9]+/service_control_policy/p-`));
      await asMember.iam.send(new CreateGroupCommand({ GroupName: unique("allowed") }));
      // The management account is never affected by SCPs, even attached to the root.
      await attach(deny.Id!, rootId);
      await admin.iam.send(new CreateUserCommand({ UserName: unique("mgmt") }));
      await detach(deny.Id!, rootId);
    } finally {
      await detach(deny.Id!, ouId);
    }
    await asMember.iam.send(new CreateUserCommand({ UserName: unique("again") }));
  });

  test("SimulatePrincipalPolicy includes the principal's SCPs; SimulateCustomPolicy only the levels it is given", async () => {
    const deny = await scp(unique("sim-deny"), doc({ Effect: "Deny", Action: "iam:CreateUser", Resource: "*" }));
    await attach(deny.Id!, ouId);
    try {
      const PolicySourceArn = `arn:aws:iam::${member}:role/OrganizationAccountAccessRole`;
      const sim = await asMember.iam.send(
        new SimulatePrincipalPolicyCommand({ PolicySourceArn, ActionNames: ["iam:CreateUser", "iam:CreateGroup"] }),
      );
      const [user, group] = sim.EvaluationResults!;
      assert.deepEqual([user.EvalDecision, user.OrganizationsDecisionDetail?.AllowedByOrganizations], ["explicitDeny", false]);
      assert.deepEqual([group.EvalDecision, group.OrganizationsDecisionDetail?.AllowedByOrganizations], ["allowed", true]);
      const custom = await asMember.iam.send(
        new SimulateCustomPolicyCommand({ PolicyInputList: [doc(allow("iam:CreateUser"))], ActionNames: ["iam:CreateUser"] }),
      );
      assert.equal(custom.EvaluationResults![0].EvalDecision, "allowed");
    } finally {
      await detach(deny.Id!, ouId);
    }
  });

  test("allow lists: every level must allow, so a child can't grant back what a parent left out", async () => {
    const account = (await createMember(h, unique("allowlist"))).accountId;
    const ou = (await h.organizations.send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: unique("ou") })))
      .OrganizationalUnit!.Id!;
    await h.organizations.send(new MoveAccountCommand({ AccountId: account, SourceParentId: rootId, DestinationParentId: ou }));
    const session = await intoMember(account);
    const parent = await scp(unique("parent"), doc(allow(["iam:ListUsers", "iam:ListRoles", "sts:*"])));
    const child = await scp(unique("child"), doc(allow(["iam:ListRoles", "iam:ListGroups", "sts:*"])));
    await attach(parent.Id!, ou);
    await detach("p-FullAWSAccess", ou);
    await attach(child.Id!, account);
    await detach("p-FullAWSAccess", account);
    await session.iam.send(new ListRolesCommand({}));
    const users = await awsError(session.iam.send(new ListUsersCommand({})));
    assert.match(users.message, /because no service control policy allows the iam:ListUsers action$/);
    const groups = await awsError(session.iam.send(new ListGroupsCommand({})));
    assert.match(groups.message, /because no service control policy allows the iam:ListGroups action$/);
  });

  test("SCPs hold the member account's root user too", async () => {
    const root = rootClients(h, member);
    await root.iam.send(new ListUsersCommand({}));
    const deny = await scp(unique("root-no-groups"), doc({ Effect: "Deny", Action: "iam:CreateGroup", Resource: "*" }));
    await attach(deny.Id!, member);
    try {
      const name = unique("g");
      const e = await awsError(root.iam.send(new CreateGroupCommand({ GroupName: name })));
      assert.equal(
        e.message,
        `User: arn:aws:iam::${member}:root is not authorized to perform: iam:CreateGroup on resource: arn:aws:iam::${member}:group/${name} with an explicit deny in a service control policy: ${deny.Arn}`,
      );
    } finally {
      await detach(deny.Id!, member);
    }
  });

  test("SCPs bound the caller's side of cross-account access: AssumeRole out of a member account", async () => {
    const partner = await standaloneAccount(h, String(300000000000 + Math.floor(Math.random() * 99999999)));
    const partnerAccount = partner.rootAccessKeyId && (await partner.sts.send(new GetCallerIdentityCommand({}))).Account!;
    const roleName = unique("vendor-access");
    await partner.iam.send(
      new CreateRoleCommand({
        RoleName: roleName,
        AssumeRolePolicyDocument: trustPolicy(trusting({ AWS: `arn:aws:iam::${member}:root` })),
      }),
    );
    const RoleArn = `arn:aws:iam::${partnerAccount}:role/${roleName}`;
    await asMember.sts.send(new AssumeRoleCommand({ RoleArn, RoleSessionName: "out" }));
    const deny = await scp(
      unique("stay-home"),
      doc({ Effect: "Deny", Action: "sts:AssumeRole", Resource: `arn:aws:iam::${partnerAccount}:role/*` }),
    );
    await attach(deny.Id!, member);
    try {
      const e = await awsError(asMember.sts.send(new AssumeRoleCommand({ RoleArn, RoleSessionName: "out" })));
      assert.match(e.message, /with an explicit deny in a service control policy: arn:aws:organizations::/);
    } finally {
      await detach(deny.Id!, member);
    }
  });

  test("an RCP on a member account's roles refuses callers outside the organization, naming no policy to them", async () => {
    const partner = await standaloneAccount(h, String(400000000000 + Math.floor(Math.random() * 99999999)));
    const partnerUser = await partner.iam.send(new CreateUserCommand({ UserName: "vendor" }));
    const key = await partner.iam.send(new CreateAccessKeyCommand({ UserName: "vendor" }));
    await partner.iam.send(
      new PutUserPolicyCommand({
        UserName: "vendor",
        PolicyName: "assume",
        PolicyDocument: JSON.stringify(policy(allow("sts:AssumeRole"))),
      }),
    );
    const vendor = h.client(key.AccessKey!.AccessKeyId!, key.AccessKey!.SecretAccessKey!);
    const roleName = unique("shared");
    await asMember.iam.send(
      new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: trustPolicy(trusting({ AWS: partnerUser.User!.Arn! })) }),
    );
    const RoleArn = `arn:aws:iam::${member}:role/${roleName}`;
    await vendor.sts.send(new AssumeRoleCommand({ RoleArn, RoleSessionName: "vendor" }));
    const { Organization } = await h.organizations.send(new DescribeOrganizationCommand({}));
    const rcp = await scp(
      unique("org-only"),
      doc({
        Effect: "Deny",
        Principal: "*",
        Action: "sts:AssumeRole",
        Resource: "*",
        Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": Organization!.Id } },
      }),
      "RESOURCE_CONTROL_POLICY",
    );
    await attach(rcp.Id!, member);
    try {
      const e = await awsError(vendor.sts.send(new AssumeRoleCommand({ RoleArn, RoleSessionName: "vendor" })));
      assert.equal(
        e.message,
        `User: ${partnerUser.User!.Arn} is not authorized to perform: sts:AssumeRole on resource: ${RoleArn} with an explicit deny in a resource control policy`,
      );
      // Callers inside the organization pass the same RCP.
      await admin.sts.send(
        new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${member}:role/OrganizationAccountAccessRole`, RoleSessionName: "inside" }),
      );
      // RCPs never touch the management account's resources.
      await attach(rcp.Id!, rootId);
      const mgmtRole = unique("mgmt-shared");
      await h.iam.send(
        new CreateRoleCommand({ RoleName: mgmtRole, AssumeRolePolicyDocument: trustPolicy(trusting({ AWS: partnerUser.User!.Arn! })) }),
      );
      await vendor.sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/${mgmtRole}`, RoleSessionName: "vendor" }));
      await detach(rcp.Id!, rootId);
    } finally {
      await detach(rcp.Id!, member);
    }
  });
});
