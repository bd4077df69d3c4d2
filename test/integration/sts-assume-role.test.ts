import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import {
  CreateRoleCommand,
  CreateVirtualMFADeviceCommand,
  DeleteRoleCommand,
  EnableMFADeviceCommand,
  GetRoleCommand,
  GetUserCommand,
  ListUsersCommand,
  PutRolePolicyCommand,
  TagRoleCommand,
  UpdateAssumeRolePolicyCommand,
} from "@aws-sdk/client-iam";
import { AssumeRoleCommand, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { awsError, startHarness, unique, type Harness } from "../helpers/local-aws";
import { ACCOUNT, allow, iamUser, policy, type TestUser } from "../helpers/iam-user";
import { sessionClients, trusting, trustPolicy } from "../helpers/sessions";
import { base32Decode, timeStep, totpCode } from "../../local-aws/iam/totp";

describe("STS AssumeRole in one account", () => {
  let h: Harness;
  let alice: TestUser;
  before(async () => {
    h = await startHarness();
    alice = await iamUser(h, { prefix: "alice", inline: policy(allow("sts:AssumeRole", `arn:aws:iam::${ACCOUNT}:role/granted-*`)) });
  });
  after(async () => h.stop());

  async function role(name: string, trust: Record<string, unknown>[], inline?: unknown, maxSessionDuration?: number) {
    const r = await h.iam.send(
      new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trustPolicy(...trust), MaxSessionDuration: maxSessionDuration }),
    );
    if (inline)
      await h.iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: "inline", PolicyDocument: JSON.stringify(inline) }));
    return r.Role!;
  }

  test("the root user may not assume roles", async () => {
    const r = await role(unique("rootless"), [trusting({ AWS: `arn:aws:iam::${ACCOUNT}:root` })]);
    const e = await awsError(h.sts.send(new AssumeRoleCommand({ RoleArn: r.Arn, RoleSessionName: "s1" })));
    assert.deepEqual([e.name, e.message, e.status], ["AccessDenied", "Roles may not be assumed by root accounts.", 403]);
  });

  test("a trust policy naming the user is enough; the session acts as the role", async () => {
    const r = await role(unique("direct"), [trusting({ AWS: alice.arn })], policy(allow("iam:ListUsers")));
    const out = await alice.sts.send(new AssumeRoleCommand({ RoleArn: r.Arn, RoleSessionName: "alice-session" }));
    assert.equal(out.AssumedRoleUser!.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/${r.RoleName}/alice-session`);
    assert.equal(out.AssumedRoleUser!.AssumedRoleId, `${r.RoleId}:alice-session`);
    assert.match(out.Credentials!.AccessKeyId!, /^ASIA/);
    const expiresIn = out.Credentials!.Expiration!.getTime() - Date.now();
    assert.ok(expiresIn > 3500_000 && expiresIn <= 3600_000, "one hour by default");
    const session = sessionClients(h, out.Credentials);
    const id = await session.sts.send(new GetCallerIdentityCommand({}));
    assert.deepEqual([id.Arn, id.UserId, id.Account], [out.AssumedRoleUser!.Arn, `${r.RoleId}:alice-session`, ACCOUNT]);
    await session.iam.send(new ListUsersCommand({}));
    const denied = await awsError(session.iam.send(new GetUserCommand({ UserName: alice.name })));
    assert.equal(denied.name, "AccessDenied");
    assert.equal(
      denied.message,
      `User: ${out.AssumedRoleUser!.Arn} is not authorized to perform: iam:GetUser on resource: user ${alice.name} because no identity-based policy allows the iam:GetUser action`,
    );
    const used = await h.iam.send(new GetRoleCommand({ RoleName: r.RoleName }));
    assert.ok(used.Role!.RoleLastUsed?.LastUsedDate, "the role's last use is recorded");
  });

  test("a trust policy naming the account needs the caller's identity policy too; a missing role is refused alike", async () => {
    const bob = await iamUser(h, { prefix: "bob" });
    const name = unique("granted");
    const r = await role(name, [trusting({ AWS: `arn:aws:iam::${ACCOUNT}:root` })]);
    const refused = await awsError(bob.sts.send(new AssumeRoleCommand({ RoleArn: r.Arn, RoleSessionName: "s1" })));
    assert.deepEqual(
      [refused.name, refused.message],
      [
        "AccessDenied",
        `User: ${bob.arn} is not authorized to perform: sts:AssumeRole on resource: ${r.Arn} because no identity-based policy allows the sts:AssumeRole action`,
      ],
    );
    await alice.sts.send(new AssumeRoleCommand({ RoleArn: r.Arn, RoleSessionName: "s1" }));

    const untrusted = await role(`granted-${unique("u")}`, [trusting({ AWS: bob.arn })]);
    const missing = `arn:aws:iam::${ACCOUNT}:role/granted-${unique("missing")}`;
    const a = await awsError(alice.sts.send(new AssumeRoleCommand({ RoleArn: untrusted.Arn, RoleSessionName: "s1" })));
    const b = await awsError(alice.sts.send(new AssumeRoleCommand({ RoleArn: missing, RoleSessionName: "s1" })));
    assert.equal(a.message, `User: ${alice.arn} is not authorized to perform: sts:AssumeRole on resource: ${untrusted.Arn}`);
    assert.equal(b.message, `User: ${alice.arn} is not authorized to perform: sts:AssumeRole on resource: ${missing}`);
    assert.equal(a.name, b.name);
  });

  test("DurationSeconds within the role's MaxSessionDuration, and one hour at most when chaining", async () => {
    const r = await role(unique("long"), [trusting({ AWS: `arn:aws:iam::${ACCOUNT}:root` })], undefined, 7200);
    await h.iam.send(
      new PutRolePolicyCommand({
        RoleName: r.RoleName,
        PolicyName: "chain",
        PolicyDocument: JSON.stringify(policy(allow("sts:AssumeRole"))),
      }),
    );
    const user = await iamUser(h, { prefix: "dur", inline: policy(allow("sts:AssumeRole")) });
    const tooLong = await awsError(user.sts.send(new AssumeRoleCommand({ RoleArn: r.Arn, RoleSessionName: "s1", DurationSeconds: 7201 })));
    assert.deepEqual(
      [tooLong.name, tooLong.message],
      ["ValidationError", "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."],
    );
    const tooShort = await awsError(user.sts.send(new AssumeRoleCommand({ RoleArn: r.Arn, RoleSessionName: "s1", DurationSeconds: 899 })));
    assert.match(tooShort.message, /Member must have value greater than or equal to 900/);
    const first = await user.sts.send(new AssumeRoleCommand({ RoleArn: r.Arn, RoleSessionName: "first", DurationSeconds: 7200 }));
    const chainedClients = sessionClients(h, first.Credentials);
    const chained = await awsError(
      chainedClients.sts.send(new AssumeRoleCommand({ RoleArn: r.Arn, RoleSessionName: "second", DurationSeconds: 3601 })),
    );
    assert.deepEqual(
      [chained.name, chained.message],
      ["ValidationError", "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining."],
    );
    const ok = await chainedClients.sts.send(new AssumeRoleCommand({ RoleArn: r.Arn, RoleSessionName: "second", DurationSeconds: 3600 }));
    assert.equal(ok.AssumedRoleUser!.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/${r.RoleName}/second`);
  });

  test("ExternalId is checked through the trust policy's sts:ExternalId condition", async () => {
    const r = await role(`granted-${unique("ext")}`, [
      trusting({ AWS: alice.arn }, "sts:AssumeRole", { StringEquals: { "sts:ExternalId": "vendor-42" } }),
    ]);
    for (const ExternalId of [undefined, "vendor-41"]) {
      const e = await awsError(alice.sts.send(new AssumeRoleCommand({ RoleArn: r.Arn, RoleSessionName: "s1", ExternalId })));
      assert.equal(e.message, `User: ${alice.arn} is not authorized to perform: sts:AssumeRole on resource: ${r.Arn}`);
    }
    await alice.sts.send(new AssumeRoleCommand({ RoleArn: r.Arn, RoleSessionName: "s1", ExternalId: "vendor-42" }));
  });

  test("a trust policy requiring MFA is met by SerialNumber and TokenCode, and refuses a wrong code", async () => {
    const r = await role(`granted-${unique("mfa")}`, [
      trusting({ AWS: alice.arn }, "sts:AssumeRole", { Bool: { "aws:MultiFactorAuthPresent": "true" } }),
    ]);
    const device = await h.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: unique("mfa") }));
    const seed = Buffer.from(device.VirtualMFADevice!.Base32StringSeed!).toString("utf8");
    const code = (offset: number) => totpCode(base32Decode(seed), timeStep(new Date()) + offset);
    const serial = device.VirtualMFADevice!.SerialNumber!;
    await h.iam.send(
      new EnableMFADeviceCommand({
        UserName: alice.name,
        SerialNumber: serial,
        AuthenticationCode1: code(-1),
        AuthenticationCode2: code(0),
      }),
    );
    const without = await awsError(alice.sts.send(new AssumeRoleCommand({ RoleArn: r.Arn, RoleSessionName: "s1" })));
    assert.equal(without.name, "AccessDenied");
    const wrong = await awsError(
      alice.sts.send(
        new AssumeRoleCommand({
          RoleArn: r.Arn,
          RoleSessionName: "s1",
          SerialNumber: serial,
          TokenCode: "000000" === code(0) ? "111111" : "000000",
        }),
      ),
    );
    assert.equal(wrong.message, "MultiFactorAuthentication failed with invalid MFA one time pass code. ");
    const out = await alice.sts.send(
      new AssumeRoleCommand({ RoleArn: r.Arn, RoleSessionName: "s1", SerialNumber: serial, TokenCode: code(0) }),
    );
    assert.ok(out.Credentials?.SessionToken);
  });

  test("session policies intersect with the role's permissions, and report their packed size", async () => {
    const r = await role(`granted-${unique("sp")}`, [trusting({ AWS: alice.arn })], policy(allow(["iam:ListUsers", "iam:GetUser"])));
    const out = await alice.sts.send(
      new AssumeRoleCommand({
        RoleArn: r.Arn,
        RoleSessionName: "narrow",
        Policy: JSON.stringify(policy(allow(["iam:GetUser", "iam:ListRoles"]))),
      }),
    );
    assert.ok(out.PackedPolicySize! > 0 && out.PackedPolicySize! <= 100);
    const s = sessionClients(h, out.Credentials);
    await s.iam.send(new GetUserCommand({ UserName: alice.name }));
    const listUsers = await awsError(s.iam.send(new ListUsersCommand({})));
    assert.equal(
      listUsers.message,
      `User: ${out.AssumedRoleUser!.Arn} is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::${ACCOUNT}:user/ because no session policy allows the iam:ListUsers action`,
    );
    const malformed = await awsError(alice.sts.send(new AssumeRoleCommand({ RoleArn: r.Arn, RoleSessionName: "s1", Policy: "{not json" })));
    assert.equal(malformed.name, "MalformedPolicyDocumentException");
  });

  test("session tags need sts:TagSession, surface as aws:PrincipalTag over the role's tags, and are packed", async () => {
    const name = `granted-${unique("tags")}`;
    const listIfTeam = policy(allow("iam:ListUsers", "*", { StringEquals: { "aws:PrincipalTag/team": "blue" } }));
    const plain = await role(name, [trusting({ AWS: alice.arn })], listIfTeam);
    await h.iam.send(new TagRoleCommand({ RoleName: name, Tags: [{ Key: "team", Value: "red" }] }));
    const Tags = [{ Key: "Team", Value: "blue" }];
    const refused = await awsError(alice.sts.send(new AssumeRoleCommand({ RoleArn: plain.Arn, RoleSessionName: "s1", Tags })));
    assert.equal(refused.message, `User: ${alice.arn} is not authorized to perform: sts:TagSession on resource: ${plain.Arn}`);
    await h.iam.send(
      new UpdateAssumeRolePolicyCommand({
        RoleName: name,
        PolicyDocument: trustPolicy(trusting({ AWS: alice.arn }, ["sts:AssumeRole", "sts:TagSession"])),
      }),
    );
    const untagged = sessionClients(
      h,
      (await alice.sts.send(new AssumeRoleCommand({ RoleArn: plain.Arn, RoleSessionName: "s1" }))).Credentials,
    );
    assert.equal((await awsError(untagged.iam.send(new ListUsersCommand({})))).name, "AccessDenied");
    const tagged = sessionClients(
      h,
      (await alice.sts.send(new AssumeRoleCommand({ RoleArn: plain.Arn, RoleSessionName: "s1", Tags }))).Credentials,
    );
    await tagged.iam.send(new ListUsersCommand({}));
    const huge = Array.from({ length: 50 }, (_, i) => ({
      Key: `k${i}-${"x".repeat(100)}`,
      Value: randomBytes(200)
        .toString("base64")
        .replace(/[^A-Za-z0-9]/g, "a")
        .slice(0, 250),
    }));
    const packed = await awsError(alice.sts.send(new AssumeRoleCommand({ RoleArn: plain.Arn, RoleSessionName: "s1", Tags: huge })));
    assert.equal(packed.name, "PackedPolicyTooLargeException");
    assert.match(packed.message, /^Packed size of session tags consumes \d+% of allotted space\.$/);
  });

  test("a deleted role's sessions stop working", async () => {
    const name = `granted-${unique("gone")}`;
    const r = await role(name, [trusting({ AWS: alice.arn })]);
    const s = sessionClients(h, (await alice.sts.send(new AssumeRoleCommand({ RoleArn: r.Arn, RoleSessionName: "s1" }))).Credentials);
    await s.sts.send(new GetCallerIdentityCommand({}));
    await h.iam.send(new DeleteRoleCommand({ RoleName: name }));
    const e = await awsError(s.sts.send(new GetCallerIdentityCommand({})));
    assert.equal(e.name, "InvalidClientTokenId");
  });
});
