import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachUserPolicyCommand,
  CreatePolicyVersionCommand,
  DetachUserPolicyCommand,
  PutUserPolicyCommand,
  RemoveUserFromGroupCommand,
  SetDefaultPolicyVersionCommand,
  CreateGroupCommand,
  CreateInstanceProfileCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteUserCommand,
  GetAccountSummaryCommand,
  GetGroupCommand,
  GetInstanceProfileCommand,
  GetPolicyCommand,
  GetRoleCommand,
  GetUserCommand,
  ListAccessKeysCommand,
  ListPoliciesCommand,
  ListRolesCommand,
  ListUsersCommand,
  PutGroupPolicyCommand,
  TagUserCommand,
} from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { awsError, startHarness, unique, type Harness } from "../helpers/local-aws";
import { ACCOUNT, allow, deny, iamUser, policy } from "../helpers/iam-user";

const denied = (
  user: string,
  action: string,
  resource: string,
  why = "because no identity-based policy allows the " + action + " action",
) => ({
  name: "AccessDenied",
  status: 403,
  message: `User: ${user} is not authorized to perform: ${action} on resource: ${resource} ${why}`,
});

describe("IAM policy enforcement", () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.stop());

  it("denies a user with no policies every IAM action, in AWS's words, while root may do anything", async () => {
    const bob = await iamUser(h);
    const carol = unique("carol");
    const create = await awsError(bob.iam.send(new CreateUserCommand({ UserName: carol })));
    assert.deepEqual(create, denied(bob.arn, "iam:CreateUser", `arn:aws:iam::${ACCOUNT}:user/${carol}`));
    const list = await awsError(bob.iam.send(new ListUsersCommand({})));
    assert.deepEqual(list, denied(bob.arn, "iam:ListUsers", `arn:aws:iam::${ACCOUNT}:user/`));
    const self = await awsError(bob.iam.send(new GetUserCommand({})));
    assert.deepEqual(self, denied(bob.arn, "iam:GetUser", `user ${bob.name}`));
    const keys = await awsError(bob.iam.send(new ListAccessKeysCommand({})));
    assert.deepEqual(keys, denied(bob.arn, "iam:ListAccessKeys", `user null${bob.name}`));
    const summary = await awsError(bob.iam.send(new GetAccountSummaryCommand({})));
    assert.deepEqual(summary, denied(bob.arn, "iam:GetAccountSummary", "*"));
    const identity = await bob.sts.send(new GetCallerIdentityCommand({}));
    assert.equal(identity.Arn, bob.arn);
    await h.iam.send(new CreateUserCommand({ UserName: carol }));
    await h.iam.send(new DeleteUserCommand({ UserName: carol }));
  });

  it("names each kind of resource as AWS's AccessDenied messages do", async () => {
    const bob = await iamUser(h, { path: "/team/" });
    const name = unique("thing");
    const cases: [Promise<unknown>, string, string][] = [
      [
        bob.iam.send(new CreateRoleCommand({ RoleName: name, Path: "/svc/", AssumeRolePolicyDocument: "{}" })),
        "iam:CreateRole",
        `arn:aws:iam::${ACCOUNT}:role/svc/${name}`,
      ],
      [bob.iam.send(new GetRoleCommand({ RoleName: name })), "iam:GetRole", `role ${name}`],
      [bob.iam.send(new GetGroupCommand({ GroupName: name })), "iam:GetGroup", `group ${name}`],
      [bob.iam.send(new CreateGroupCommand({ GroupName: name })), "iam:CreateGroup", `arn:aws:iam::${ACCOUNT}:group/${name}`],
      [bob.iam.send(new CreatePolicyCommand({ PolicyName: name, PolicyDocument: "{}" })), "iam:CreatePolicy", `policy ${name}`],
      [
        bob.iam.send(new GetPolicyCommand({ PolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" })),
        "iam:GetPolicy",
        "policy arn:aws:iam::aws:policy/ReadOnlyAccess",
      ],
      [bob.iam.send(new ListPoliciesCommand({ PathPrefix: "/x/" })), "iam:ListPolicies", "policy path /x/"],
      [bob.iam.send(new ListRolesCommand({ PathPrefix: "/svc/" })), "iam:ListRoles", `arn:aws:iam::${ACCOUNT}:role/svc/`],
      [
        bob.iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: name })),
        "iam:CreateInstanceProfile",
        `arn:aws:iam::${ACCOUNT}:instance-profile/${name}`,
      ],
      [bob.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: name })), "iam:GetInstanceProfile", `instance profile ${name}`],
    ];
    for (const [call, action, resource] of cases) assert.deepEqual(await awsError(call), denied(bob.arn, action, resource));
  });

  it("lets IAMReadOnlyAccess and ReadOnlyAccess users list and get, not create", async () => {
    for (const managed of ["IAMReadOnlyAccess", "ReadOnlyAccess"]) {
      const reader = await iamUser(h, { managed: [managed] });
      assert.ok((await reader.iam.send(new ListUsersCommand({}))).Users!.some((u) => u.UserName === reader.name));
      assert.equal((await reader.iam.send(new GetUserCommand({}))).User!.UserName, reader.name);
      const name = unique("nope");
      const e = await awsError(reader.iam.send(new CreateUserCommand({ UserName: name })));
      assert.deepEqual(e, denied(reader.arn, "iam:CreateUser", `arn:aws:iam::${ACCOUNT}:user/${name}`));
    }
  });

  it("grants through inline policies and through the user's groups' managed and inline policies", async () => {
    const inline = await iamUser(h, { inline: policy(allow("iam:ListUsers")) });
    await inline.iam.send(new ListUsersCommand({}));
    assert.equal((await awsError(inline.iam.send(new ListRolesCommand({})))).name, "AccessDenied");

    const member = await iamUser(h);
    const group = unique("readers");
    await h.iam.send(new CreateGroupCommand({ GroupName: group }));
    await h.iam.send(new AddUserToGroupCommand({ GroupName: group, UserName: member.name }));
    await h.iam.send(new AttachGroupPolicyCommand({ GroupName: group, PolicyArn: "arn:aws:iam::aws:policy/IAMReadOnlyAccess" }));
    await h.iam.send(
      new PutGroupPolicyCommand({ GroupName: group, PolicyName: "tagger", PolicyDocument: JSON.stringify(policy(allow("iam:TagUser"))) }),
    );
    await member.iam.send(new ListRolesCommand({}));
    await member.iam.send(new TagUserCommand({ UserName: member.name, Tags: [{ Key: "k", Value: "v" }] }));
  });

  it("lets an explicit Deny win over any Allow", async () => {
    const admin = await iamUser(h, { managed: ["AdministratorAccess"], inline: policy(deny("iam:DeleteUser")) });
    const victim = unique("victim");
    await admin.iam.send(new CreateUserCommand({ UserName: victim }));
    const e = await awsError(admin.iam.send(new DeleteUserCommand({ UserName: victim })));
    assert.deepEqual(e, denied(admin.arn, "iam:DeleteUser", `user ${victim}`, "with an explicit deny in an identity-based policy"));
    await h.iam.send(new GetUserCommand({ UserName: victim }));
    const { Policy } = await h.iam.send(
      new CreatePolicyCommand({ PolicyName: unique("no-roles"), PolicyDocument: JSON.stringify(policy(deny("iam:ListRoles"))) }),
    );
    await h.iam.send(new AttachUserPolicyCommand({ UserName: admin.name, PolicyArn: Policy!.Arn }));
    const managed = await awsError(admin.iam.send(new ListRolesCommand({})));
    assert.deepEqual(
      managed,
      denied(
        admin.arn,
        "iam:ListRoles",
        `arn:aws:iam::${ACCOUNT}:role/`,
        `with an explicit deny in an identity-based policy: ${Policy!.Arn}`,
      ),
    );
  });

  it("limits a user to what its permissions boundary also allows", async () => {
    const bounded = await iamUser(h, { managed: ["AdministratorAccess"], boundary: "IAMReadOnlyAccess" });
    await bounded.iam.send(new ListUsersCommand({}));
    const name = unique("bounded");
    const e = await awsError(bounded.iam.send(new CreateUserCommand({ UserName: name })));
    assert.deepEqual(
      e,
      denied(
        bounded.arn,
        "iam:CreateUser",
        `arn:aws:iam::${ACCOUNT}:user/${name}`,
        "because no permissions boundary allows the iam:CreateUser action",
      ),
    );
    const boundaryOnly = await iamUser(h, { boundary: "AdministratorAccess" });
    assert.equal(
      (await awsError(boundaryOnly.iam.send(new ListUsersCommand({})))).message.endsWith(
        "because no identity-based policy allows the iam:ListUsers action",
      ),
      true,
    );
  });

  it("applies every change to a principal's policies, groups, versions and tags on its next request", async () => {
    const user = await iamUser(h);
    const list = () => user.iam.send(new ListRolesCommand({}));
    await assert.rejects(list());
    await h.iam.send(new AttachUserPolicyCommand({ UserName: user.name, PolicyArn: "arn:aws:iam::aws:policy/IAMReadOnlyAccess" }));
    await list();
    await h.iam.send(new DetachUserPolicyCommand({ UserName: user.name, PolicyArn: "arn:aws:iam::aws:policy/IAMReadOnlyAccess" }));
    await assert.rejects(list());

    const group = unique("g");
    await h.iam.send(new CreateGroupCommand({ GroupName: group }));
    await h.iam.send(
      new PutGroupPolicyCommand({ GroupName: group, PolicyName: "p", PolicyDocument: JSON.stringify(policy(allow("iam:ListRoles"))) }),
    );
    await h.iam.send(new AddUserToGroupCommand({ GroupName: group, UserName: user.name }));
    await list();
    await h.iam.send(new RemoveUserFromGroupCommand({ GroupName: group, UserName: user.name }));
    await assert.rejects(list());

    const { Policy } = await h.iam.send(
      new CreatePolicyCommand({ PolicyName: unique("v"), PolicyDocument: JSON.stringify(policy(allow("iam:ListRoles"))) }),
    );
    await h.iam.send(new AttachUserPolicyCommand({ UserName: user.name, PolicyArn: Policy!.Arn }));
    await list();
    await h.iam.send(
      new CreatePolicyVersionCommand({
        PolicyArn: Policy!.Arn,
        PolicyDocument: JSON.stringify(policy(allow("iam:ListUsers"))),
        SetAsDefault: true,
      }),
    );
    await assert.rejects(list());
    await h.iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: Policy!.Arn, VersionId: "v1" }));
    await list();

    await h.iam.send(
      new PutUserPolicyCommand({
        UserName: user.name,
        PolicyName: "team",
        PolicyDocument: JSON.stringify(policy(deny("*", "*", { StringNotEquals: { "aws:PrincipalTag/team": "a" } }))),
      }),
    );
    await assert.rejects(list());
    await h.iam.send(new TagUserCommand({ UserName: user.name, Tags: [{ Key: "team", Value: "a" }] }));
    await list();
  });

  it("writes nothing when a request is denied, tag-on-create included", async () => {
    const creator = await iamUser(h, { inline: policy(allow("iam:CreateUser")) });
    const plain = unique("plain");
    await creator.iam.send(new CreateUserCommand({ UserName: plain }));
    const tagged = unique("tagged");
    const e = await awsError(creator.iam.send(new CreateUserCommand({ UserName: tagged, Tags: [{ Key: "team", Value: "a" }] })));
    assert.deepEqual(e, denied(creator.arn, "iam:TagUser", `arn:aws:iam::${ACCOUNT}:user/${tagged}`));
    assert.equal((await awsError(h.iam.send(new GetUserCommand({ UserName: tagged })))).name, "NoSuchEntityException");
  });
});
