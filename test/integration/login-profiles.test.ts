import { after, afterEach, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  AttachUserPolicyCommand,
  ChangePasswordCommand,
  CreateAccessKeyCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  DeleteAccountPasswordPolicyCommand,
  DeleteLoginProfileCommand,
  GetAccountPasswordPolicyCommand,
  GetLoginProfileCommand,
  PutUserPolicyCommand,
  UpdateAccountPasswordPolicyCommand,
  UpdateLoginProfileCommand,
  type UpdateAccountPasswordPolicyCommandInput,
} from "@aws-sdk/client-iam";
import { awsError, startHarness, unique, type Harness } from "../helpers/local-aws";
import { verifyLoginPassword } from "../../local-aws/iam/login-profiles";

const ACCOUNT = "000000000000";
const GOOD = "Correct-Horse-1";

describe("IAM login profiles, ChangePassword and the account password policy", () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.stop());
  afterEach(async () => h.iam.send(new DeleteAccountPasswordPolicyCommand({})).catch(() => undefined));

  const newUser = async (password?: string) => {
    const name = unique("lp");
    await h.iam.send(new CreateUserCommand({ UserName: name }));
    if (password) await h.iam.send(new CreateLoginProfileCommand({ UserName: name, Password: password }));
    return name;
  };
  /** Signs as the user, who may change its own password through AWS's IAMUserChangePassword managed policy. */
  const asUser = async (name: string) => {
    await h.iam.send(new AttachUserPolicyCommand({ UserName: name, PolicyArn: "arn:aws:iam::aws:policy/IAMUserChangePassword" }));
    const { AccessKey } = await h.iam.send(new CreateAccessKeyCommand({ UserName: name }));
    return h.client(AccessKey!.AccessKeyId!, AccessKey!.SecretAccessKey!).iam;
  };
  const setPolicy = (p: UpdateAccountPasswordPolicyCommandInput) => h.iam.send(new UpdateAccountPasswordPolicyCommand(p));
  const violation = async (p: Promise<unknown>, message = "Password does not conform to the account password policy.") => {
    const e = await awsError(p);
    assert.deepEqual(e, { name: "PasswordPolicyViolationException", message, status: 400 });
  };

  it("creates, reads, updates and deletes a login profile", async () => {
    const name = await newUser();
    const { LoginProfile } = await h.iam.send(new CreateLoginProfileCommand({ UserName: name, Password: GOOD }));
    assert.equal(LoginProfile!.UserName, name);
    assert.equal(LoginProfile!.PasswordResetRequired, false);
    assert.ok(LoginProfile!.CreateDate instanceof Date);
    await h.iam.send(new UpdateLoginProfileCommand({ UserName: name, PasswordResetRequired: true }));
    const got = await h.iam.send(new GetLoginProfileCommand({ UserName: name.toUpperCase() }));
    assert.equal(got.LoginProfile!.UserName, name);
    assert.equal(got.LoginProfile!.PasswordResetRequired, true);
    await h.iam.send(new DeleteLoginProfileCommand({ UserName: name }));
    const gone = await awsError(h.iam.send(new GetLoginProfileCommand({ UserName: name })));
    assert.deepEqual(gone, { name: "NoSuchEntityException", message: `Login Profile for User ${name} cannot be found.`, status: 404 });
  });

  it("rejects a second profile, a missing user and a missing profile with AWS's errors", async () => {
    const name = await newUser(GOOD);
    const dup = await awsError(h.iam.send(new CreateLoginProfileCommand({ UserName: name, Password: GOOD })));
    assert.deepEqual(dup, { name: "EntityAlreadyExistsException", message: `Login Profile for user ${name} already exists.`, status: 409 });
    const ghost = await awsError(h.iam.send(new CreateLoginProfileCommand({ UserName: "ghost-user", Password: GOOD })));
    assert.deepEqual(ghost, { name: "NoSuchEntityException", message: "The user with name ghost-user cannot be found.", status: 404 });
    const other = await newUser();
    for (const p of [
      h.iam.send(new DeleteLoginProfileCommand({ UserName: other })),
      h.iam.send(new UpdateLoginProfileCommand({ UserName: other, Password: GOOD })),
    ]) {
      assert.equal((await awsError(p)).message, `Login Profile for User ${other} cannot be found.`);
    }
    const root = await awsError(h.iam.send(new GetLoginProfileCommand({})));
    assert.deepEqual(root, {
      name: "ValidationError",
      message: "Must specify userName when calling with non-User credentials",
      status: 400,
    });
  });

  it("stores only a salted scrypt hash and checks sign-in passwords with verifyLoginPassword", async () => {
    const name = await newUser(GOOD);
    const row = h.aws.db.prepare("SELECT password_hash FROM login_profiles lp JOIN users u USING (user_id) WHERE u.name = ?").get(name) as {
      password_hash: string;
    };
    assert.match(row.password_hash, /^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    assert.ok(!row.password_hash.includes(GOOD));
    const ok = verifyLoginPassword(h.aws.db, ACCOUNT, name.toUpperCase(), GOOD);
    assert.equal(ok?.userName, name);
    assert.equal(ok?.arn, `arn:aws:iam::${ACCOUNT}:user/${name}`);
    assert.equal(ok?.passwordResetRequired, false);
    assert.equal(ok?.passwordExpired, false);
    assert.equal(verifyLoginPassword(h.aws.db, ACCOUNT, name, "Wrong-Horse-1"), undefined);
    assert.equal(verifyLoginPassword(h.aws.db, ACCOUNT, "nobody-here", GOOD), undefined);
    await setPolicy({ MaxPasswordAge: 1 });
    const later = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000);
    assert.equal(verifyLoginPassword(h.aws.db, ACCOUNT, name, GOOD, later)?.passwordExpired, true);
  });

  it("UpdateLoginProfile replaces the password", async () => {
    const name = await newUser(GOOD);
    await h.iam.send(new UpdateLoginProfileCommand({ UserName: name, Password: "Battery-Staple-2" }));
    assert.equal(verifyLoginPassword(h.aws.db, ACCOUNT, name, GOOD), undefined);
    assert.ok(verifyLoginPassword(h.aws.db, ACCOUNT, name, "Battery-Staple-2"));
  });

  it("lets an IAM user change its own password, clearing PasswordResetRequired", async () => {
    const name = await newUser();
    await h.iam.send(new CreateLoginProfileCommand({ UserName: name, Password: GOOD, PasswordResetRequired: true }));
    const iam = await asUser(name);
    const ownProfile = { Effect: "Allow", Action: "iam:GetLoginProfile", Resource: "arn:aws:iam::*:user/${aws:username}" };
    const PolicyDocument = JSON.stringify({ Version: "2012-10-17", Statement: [ownProfile] });
    await h.iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: "own-profile", PolicyDocument }));
    await iam.send(new ChangePasswordCommand({ OldPassword: GOOD, NewPassword: "Battery-Staple-2" }));
    assert.ok(verifyLoginPassword(h.aws.db, ACCOUNT, name, "Battery-Staple-2"));
    const own = await iam.send(new GetLoginProfileCommand({}));
    assert.equal(own.LoginProfile!.UserName, name);
    assert.equal(own.LoginProfile!.PasswordResetRequired, false);
  });

  it("refuses ChangePassword from root, with a wrong old password, or without a profile", async () => {
    const root = await awsError(h.iam.send(new ChangePasswordCommand({ OldPassword: GOOD, NewPassword: "Battery-Staple-2" })));
    assert.deepEqual(root, { name: "InvalidUserTypeException", message: "Only IAM Users can change their own password.", status: 400 });
    const name = await newUser(GOOD);
    const iam = await asUser(name);
    const wrong = await awsError(
      iam.send(new ChangePasswordCommand({ OldPassword: "Not-The-Password-1", NewPassword: "Battery-Staple-2" })),
    );
    assert.deepEqual(wrong, {
      name: "AccessDenied",
      message: "Either the new password does not conform to the account password policy or the old password was incorrect.",
      status: 403,
    });
    assert.ok(verifyLoginPassword(h.aws.db, ACCOUNT, name, GOOD));
    await violation(iam.send(new ChangePasswordCommand({ OldPassword: GOOD, NewPassword: "weak" })));
    const bare = await newUser();
    const none = await awsError(
      (await asUser(bare)).send(new ChangePasswordCommand({ OldPassword: GOOD, NewPassword: "Battery-Staple-2" })),
    );
    assert.deepEqual(none, { name: "NoSuchEntityException", message: `Login Profile for User ${bare} cannot be found.`, status: 404 });
  });

  it("applies AWS's default rules when no policy is set: 8 characters and 3 of 4 character types", async () => {
    const name = await newUser();
    for (const weak of ["Abcdef1", "abcdefgh1", "ABCDEFGH!", "password"]) {
      await violation(h.iam.send(new CreateLoginProfileCommand({ UserName: name, Password: weak })));
    }
    await h.iam.send(new CreateLoginProfileCommand({ UserName: name, Password: "abcdefg1!" }));
    await violation(h.iam.send(new UpdateLoginProfileCommand({ UserName: name, Password: "short" })));
  });

  it("reports a missing policy, then returns AWS's defaults for an empty update", async () => {
    const none = await awsError(h.iam.send(new GetAccountPasswordPolicyCommand({})));
    assert.deepEqual(none, {
      name: "NoSuchEntityException",
      message: `The Password Policy with domain name ${ACCOUNT} cannot be found.`,
      status: 404,
    });
    const del = await awsError(h.iam.send(new DeleteAccountPasswordPolicyCommand({})));
    assert.deepEqual(del, {
      name: "NoSuchEntityException",
      message: "The account policy with name PasswordPolicy cannot be found.",
      status: 404,
    });
    await setPolicy({});
    const { PasswordPolicy } = await h.iam.send(new GetAccountPasswordPolicyCommand({}));
    assert.deepEqual(PasswordPolicy, {
      AllowUsersToChangePassword: false,
      ExpirePasswords: false,
      MinimumPasswordLength: 6,
      RequireLowercaseCharacters: false,
      RequireNumbers: false,
      RequireSymbols: false,
      RequireUppercaseCharacters: false,
    });
    const name = await newUser();
    await h.iam.send(new CreateLoginProfileCommand({ UserName: name, Password: "aaaaaa" }));
    await h.iam.send(new DeleteAccountPasswordPolicyCommand({}));
    assert.equal((await awsError(h.iam.send(new GetAccountPasswordPolicyCommand({})))).name, "NoSuchEntityException");
  });

  it("stores a custom policy whole and enforces each of its rules", async () => {
    await setPolicy({
      MinimumPasswordLength: 10,
      RequireSymbols: true,
      RequireNumbers: true,
      RequireUppercaseCharacters: true,
      RequireLowercaseCharacters: true,
      AllowUsersToChangePassword: true,
      MaxPasswordAge: 60,
      PasswordReusePrevention: 3,
      HardExpiry: true,
    });
    const { PasswordPolicy } = await h.iam.send(new GetAccountPasswordPolicyCommand({}));
    assert.deepEqual(PasswordPolicy, {
      AllowUsersToChangePassword: true,
      ExpirePasswords: true,
      HardExpiry: true,
      MaxPasswordAge: 60,
      MinimumPasswordLength: 10,
      PasswordReusePrevention: 3,
      RequireLowercaseCharacters: true,
      RequireNumbers: true,
      RequireSymbols: true,
      RequireUppercaseCharacters: true,
    });
    const name = await newUser();
    for (const weak of ["Short-1a", "no-upper-case-1", "NO-LOWER-CASE-1", "No-Numbers-Here", "NoSymbols12345"]) {
      await violation(h.iam.send(new CreateLoginProfileCommand({ UserName: name, Password: weak })));
    }
    await h.iam.send(new CreateLoginProfileCommand({ UserName: name, Password: "Long-Enough-1" }));
    await setPolicy({ MinimumPasswordLength: 8 });
    assert.equal((await h.iam.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy!.RequireSymbols, false);
  });

  it("prevents reusing the last PasswordReusePrevention passwords", async () => {
    await setPolicy({ PasswordReusePrevention: 2 });
    const name = await newUser("First-Pass-1");
    const reuse = "Policy constraint violation with password reuse prevention during password change.";
    await violation(h.iam.send(new UpdateLoginProfileCommand({ UserName: name, Password: "First-Pass-1" })), reuse);
    await h.iam.send(new UpdateLoginProfileCommand({ UserName: name, Password: "Second-Pass-2" }));
    await violation(h.iam.send(new UpdateLoginProfileCommand({ UserName: name, Password: "First-Pass-1" })), reuse);
    const iam = await asUser(name);
    await violation(iam.send(new ChangePasswordCommand({ OldPassword: "Second-Pass-2", NewPassword: "Second-Pass-2" })), reuse);
    await iam.send(new ChangePasswordCommand({ OldPassword: "Second-Pass-2", NewPassword: "Third-Pass-3" }));
    await iam.send(new ChangePasswordCommand({ OldPassword: "Third-Pass-3", NewPassword: "First-Pass-1" }));
    await h.iam.send(new DeleteLoginProfileCommand({ UserName: name }));
    await violation(h.iam.send(new CreateLoginProfileCommand({ UserName: name, Password: "First-Pass-1" })), reuse);
  });
});
