import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  AddRoleToInstanceProfileCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeleteUserCommand,
  GetUserCommand,
  ListAccessKeysCommand,
  ListUsersCommand,
  TagRoleCommand,
  UpdateUserCommand,
} from "@aws-sdk/client-iam";
import { awsError, startHarness, unique, type Harness } from "../helpers/local-aws";
import { ACCOUNT, allow, deny, iamUser, policy } from "../helpers/iam-user";

const TRUST = JSON.stringify(policy({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }));

describe("IAM policy enforcement: condition keys", () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.stop());

  const newUser = async (Tags?: { Key: string; Value: string }[]) => {
    const name = unique("target");
    await h.iam.send(new CreateUserCommand({ UserName: name, Tags }));
    return name;
  };

  it("checks aws:RequestTag and aws:TagKeys on create, for the create and the tag-on-create actions", async () => {
    const onlyTeamDev = { StringEquals: { "aws:RequestTag/team": "dev" }, "ForAllValues:StringEquals": { "aws:TagKeys": ["team"] } };
    const creator = await iamUser(h, { inline: policy(allow(["iam:CreateUser", "iam:TagUser"], "*", onlyTeamDev)) });
    await creator.iam.send(new CreateUserCommand({ UserName: unique("dev"), Tags: [{ Key: "team", Value: "dev" }] }));
    for (const Tags of [
      [{ Key: "team", Value: "ops" }],
      [
        { Key: "team", Value: "dev" },
        { Key: "cost", Value: "1" },
      ],
      undefined,
    ]) {
      const name = unique("refused");
      const e = await awsError(creator.iam.send(new CreateUserCommand({ UserName: name, Tags })));
      assert.equal(
        e.message,
        `User: ${creator.arn} is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::${ACCOUNT}:user/${name} because no identity-based policy allows the iam:CreateUser action`,
      );
    }
  });

  it("checks aws:ResourceTag and iam:ResourceTag against the target's tags and the caller's aws:PrincipalTag", async () => {
    const sameTeam = {
      StringEquals: { "aws:ResourceTag/team": "${aws:PrincipalTag/team}", "iam:ResourceTag/team": "${aws:PrincipalTag/team}" },
    };
    const lead = await iamUser(h, {
      tags: [{ Key: "team", Value: "dev" }],
      inline: policy(allow(["iam:GetUser", "iam:DeleteUser"], "*", sameTeam)),
    });
    const mine = await newUser([{ Key: "team", Value: "dev" }]);
    const theirs = await newUser([{ Key: "team", Value: "ops" }]);
    const untagged = await newUser();
    await lead.iam.send(new GetUserCommand({ UserName: mine }));
    await lead.iam.send(new DeleteUserCommand({ UserName: mine }));
    for (const other of [theirs, untagged]) {
      const e = await awsError(lead.iam.send(new DeleteUserCommand({ UserName: other })));
      assert.equal(
        e.message,
        `User: ${lead.arn} is not authorized to perform: iam:DeleteUser on resource: user ${other} because no identity-based policy allows the iam:DeleteUser action`,
      );
    }
  });

  it("resolves ${aws:username} so users manage only their own credentials", async () => {
    const own = "arn:aws:iam::*:user/${aws:username}";
    const self = await iamUser(h, {
      inline: policy(allow(["iam:GetUser", "iam:ListAccessKeys", "iam:CreateAccessKey", "iam:DeleteAccessKey"], own)),
    });
    assert.equal((await self.iam.send(new GetUserCommand({}))).User!.UserName, self.name);
    const { AccessKey } = await self.iam.send(new CreateAccessKeyCommand({}));
    assert.equal((await self.iam.send(new ListAccessKeysCommand({ UserName: self.name }))).AccessKeyMetadata!.length, 2);
    await self.iam.send(new DeleteAccessKeyCommand({ AccessKeyId: AccessKey!.AccessKeyId! }));
    const other = await newUser();
    const e = await awsError(self.iam.send(new CreateAccessKeyCommand({ UserName: other })));
    assert.equal(
      e.message,
      `User: ${self.arn} is not authorized to perform: iam:CreateAccessKey on resource: user ${other} because no identity-based policy allows the iam:CreateAccessKey action`,
    );
    const pathed = await iamUser(h, { path: "/staff/", inline: policy(allow("iam:GetUser", own)) });
    assert.equal((await awsError(pathed.iam.send(new GetUserCommand({})))).name, "AccessDenied");
  });

  it("offers iam:PolicyARN on attach and iam:PermissionsBoundary on create", async () => {
    const readOnly = "arn:aws:iam::aws:policy/IAMReadOnlyAccess";
    const delegate = await iamUser(h, {
      inline: policy(
        allow("iam:AttachUserPolicy", "*", { ArnEquals: { "iam:PolicyARN": readOnly } }),
        allow("iam:CreateUser", "*", { StringEquals: { "iam:PermissionsBoundary": readOnly } }),
      ),
    });
    const target = await newUser();
    await delegate.iam.send(new AttachUserPolicyCommand({ UserName: target, PolicyArn: readOnly }));
    const admin = await awsError(
      delegate.iam.send(new AttachUserPolicyCommand({ UserName: target, PolicyArn: "arn:aws:iam::aws:policy/AdministratorAccess" })),
    );
    assert.equal(
      admin.message,
      `User: ${delegate.arn} is not authorized to perform: iam:AttachUserPolicy on resource: user ${target} because no identity-based policy allows the iam:AttachUserPolicy action`,
    );
    await delegate.iam.send(new CreateUserCommand({ UserName: unique("bounded"), PermissionsBoundary: readOnly }));
    assert.equal((await awsError(delegate.iam.send(new CreateUserCommand({ UserName: unique("free") })))).name, "AccessDenied");
  });

  it("checks aws:SourceIp (callers come from 127.0.0.1) and date conditions on aws:CurrentTime", async () => {
    const local = await iamUser(h, { inline: policy(allow("iam:ListUsers", "*", { IpAddress: { "aws:SourceIp": "127.0.0.0/8" } })) });
    await local.iam.send(new ListUsersCommand({}));
    const office = await iamUser(h, {
      managed: ["IAMReadOnlyAccess"],
      inline: policy(deny("*", "*", { NotIpAddress: { "aws:SourceIp": ["10.0.0.0/8", "192.0.2.0/24"] } })),
    });
    const e = await awsError(office.iam.send(new ListUsersCommand({})));
    assert.equal(
      e.message,
      `User: ${office.arn} is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::${ACCOUNT}:user/ with an explicit deny in an identity-based policy`,
    );
    const expired = await iamUser(h, {
      inline: policy(allow("iam:ListUsers", "*", { DateLessThan: { "aws:CurrentTime": "2020-01-01T00:00:00Z" } })),
    });
    assert.equal((await awsError(expired.iam.send(new ListUsersCommand({})))).name, "AccessDenied");
  });

  it("leaves the MFA keys out for long-term access keys, as AWS does", async () => {
    const strict = await iamUser(h, {
      managed: ["IAMReadOnlyAccess"],
      inline: policy(deny("*", "*", { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } })),
    });
    assert.equal((await awsError(strict.iam.send(new ListUsersCommand({})))).name, "AccessDenied");
    const lax = await iamUser(h, {
      managed: ["IAMReadOnlyAccess"],
      inline: policy(deny("*", "*", { Bool: { "aws:MultiFactorAuthPresent": "false" } })),
    });
    await lax.iam.send(new ListUsersCommand({}));
  });

  it("requires iam:PassRole, for ec2.amazonaws.com, to add a role to an instance profile", async () => {
    const role = unique("role");
    const profile = unique("profile");
    await h.iam.send(new CreateRoleCommand({ RoleName: role, AssumeRolePolicyDocument: TRUST }));
    await h.iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: profile }));
    const noPass = await iamUser(h, { inline: policy(allow("iam:AddRoleToInstanceProfile")) });
    const e = await awsError(noPass.iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: profile, RoleName: role })));
    assert.equal(
      e.message,
      `User: ${noPass.arn} is not authorized to perform: iam:PassRole on resource: arn:aws:iam::${ACCOUNT}:role/${role} because no identity-based policy allows the iam:PassRole action`,
    );
    const toLambda = await iamUser(h, {
      inline: policy(
        allow("iam:AddRoleToInstanceProfile"),
        allow("iam:PassRole", "*", { StringEquals: { "iam:PassedToService": "lambda.amazonaws.com" } }),
      ),
    });
    assert.equal(
      (await awsError(toLambda.iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: profile, RoleName: role })))).name,
      "AccessDenied",
    );
    const toEc2 = await iamUser(h, {
      inline: policy(
        allow("iam:AddRoleToInstanceProfile"),
        allow("iam:PassRole", `arn:aws:iam::${ACCOUNT}:role/*`, { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } }),
      ),
    });
    await toEc2.iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: profile, RoleName: role }));
  });

  it("needs UpdateUser on both the user and what it becomes when renamed or moved", async () => {
    const mover = await iamUser(h, { inline: policy(allow("iam:UpdateUser", `arn:aws:iam::${ACCOUNT}:user/team-a/*`)) });
    const name = unique("member");
    await h.iam.send(new CreateUserCommand({ UserName: name, Path: "/team-a/" }));
    const renamed = unique("renamed");
    await mover.iam.send(new UpdateUserCommand({ UserName: name, NewUserName: renamed }));
    const e = await awsError(mover.iam.send(new UpdateUserCommand({ UserName: renamed, NewPath: "/team-b/" })));
    assert.equal(e.name, "AccessDenied");
    assert.equal((await h.iam.send(new GetUserCommand({ UserName: renamed }))).User!.Path, "/team-a/");
  });

  it("authorizes TagRole with the request's tags and the role's existing ones", async () => {
    const role = unique("tagged-role");
    await h.iam.send(new CreateRoleCommand({ RoleName: role, AssumeRolePolicyDocument: TRUST, Tags: [{ Key: "owner", Value: "dev" }] }));
    const cond = { StringEquals: { "aws:ResourceTag/owner": "dev" }, "ForAllValues:StringLike": { "aws:TagKeys": ["env*"] } };
    const tagger = await iamUser(h, { inline: policy(allow("iam:TagRole", "*", cond)) });
    await tagger.iam.send(new TagRoleCommand({ RoleName: role, Tags: [{ Key: "environment", Value: "test" }] }));
    const e = await awsError(tagger.iam.send(new TagRoleCommand({ RoleName: role, Tags: [{ Key: "owner", Value: "ops" }] })));
    assert.equal(
      e.message,
      `User: ${tagger.arn} is not authorized to perform: iam:TagRole on resource: role ${role} because no identity-based policy allows the iam:TagRole action`,
    );
  });
});
