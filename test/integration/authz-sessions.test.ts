import { after, afterEach, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  ChangePasswordCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  DeleteAccountPasswordPolicyCommand,
  EnableMFADeviceCommand,
  GetAccountPasswordPolicyCommand,
  IAMClient,
  ListRolesCommand,
  ListUsersCommand,
  UpdateAccountPasswordPolicyCommand,
} from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand, GetSessionTokenCommand, STSClient, type Credentials } from "@aws-sdk/client-sts";
import { awsError, startHarness, unique, type Harness } from "../helpers/local-aws";
import { ACCOUNT, allow, deny, iamUser, policy, type TestUser } from "../helpers/iam-user";
import { base32Decode, timeStep, totpCode } from "../../local-aws/iam/totp";

const PASSWORD = "Correct-Horse-1";
const invalidToken = { name: "InvalidClientTokenId", message: "The security token included in the request is invalid.", status: 403 };

describe("IAM policy enforcement: temporary credentials", () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.stop());
  afterEach(async () => h.iam.send(new DeleteAccountPasswordPolicyCommand({})).catch(() => undefined));

  const sessionClients = (c: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string }) => {
    const credentials = { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken };
    const opts = { endpoint: h.aws.url, region: "us-east-1", maxAttempts: 1, credentials };
    return { iam: new IAMClient(opts), sts: new STSClient(opts) };
  };

  /** Enables a virtual MFA device for the user and returns a fresh code for GetSessionToken. */
  const withMfa = async (user: TestUser) => {
    const { VirtualMFADevice } = await h.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: unique("mfa") }));
    const key = base32Decode(Buffer.from(VirtualMFADevice!.Base32StringSeed!).toString("latin1"));
    const step = timeStep(new Date());
    const SerialNumber = VirtualMFADevice!.SerialNumber!;
    await h.iam.send(
      new EnableMFADeviceCommand({
        UserName: user.name,
        SerialNumber,
        AuthenticationCode1: totpCode(key, step - 1),
        AuthenticationCode2: totpCode(key, step),
      }),
    );
    return { SerialNumber, TokenCode: totpCode(key, step) };
  };

  const consoleSession = async (userName: string) => {
    const body = JSON.stringify({ type: "iam", account: ACCOUNT, userName, password: PASSWORD });
    const res = await fetch(`${h.aws.url}/_clef/console-signin`, { method: "POST", body, headers: { "content-type": "application/json" } });
    assert.equal(res.status, 200);
    return sessionClients((await res.json()).credentials);
  };

  it("never evaluates GetCallerIdentity or GetSessionToken, even under Deny *", async () => {
    const denied = await iamUser(h, { inline: policy(deny("*")) });
    assert.equal((await denied.sts.send(new GetCallerIdentityCommand({}))).Arn, denied.arn);
    assert.match((await denied.sts.send(new GetSessionTokenCommand({}))).Credentials!.AccessKeyId!, /^ASIA/);
  });

  it("refuses IAM calls from GetSessionToken credentials obtained without MFA, as AWS does, but not GetCallerIdentity", async () => {
    const user = await iamUser(h, { managed: ["IAMReadOnlyAccess"] });
    const { Credentials } = await user.sts.send(new GetSessionTokenCommand({}));
    const session = sessionClients(Credentials as Credentials);
    assert.deepEqual(await awsError(session.iam.send(new ListUsersCommand({}))), invalidToken);
    assert.equal((await session.sts.send(new GetCallerIdentityCommand({}))).Arn, user.arn);
    const rootSession = sessionClients((await h.sts.send(new GetSessionTokenCommand({}))).Credentials!);
    assert.deepEqual(await awsError(rootSession.iam.send(new ListUsersCommand({}))), invalidToken);
  });

  it("gives MFA sessions from GetSessionToken the user's permissions, with the MFA keys set", async () => {
    const mfaOnly = { Bool: { "aws:MultiFactorAuthPresent": "true" }, NumericLessThan: { "aws:MultiFactorAuthAge": "3600" } };
    const user = await iamUser(h, { inline: policy(allow("iam:ListUsers", "*", mfaOnly)) });
    assert.equal((await awsError(user.iam.send(new ListUsersCommand({})))).name, "AccessDenied");
    const { Credentials } = await user.sts.send(new GetSessionTokenCommand(await withMfa(user)));
    const session = sessionClients(Credentials!);
    assert.ok((await session.iam.send(new ListUsersCommand({}))).Users!.length);
    const e = await awsError(session.iam.send(new ListRolesCommand({})));
    assert.deepEqual(e, {
      name: "AccessDenied",
      status: 403,
      message: `User: ${user.arn} is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::${ACCOUNT}:role/ because no identity-based policy allows the iam:ListRoles action`,
    });
  });

  it("gives console sessions the user's permissions, with aws:MultiFactorAuthPresent false", async () => {
    const user = await iamUser(h, { managed: ["IAMReadOnlyAccess"] });
    await h.iam.send(new CreateLoginProfileCommand({ UserName: user.name, Password: PASSWORD }));
    const session = await consoleSession(user.name);
    await session.iam.send(new ListUsersCommand({}));
    assert.equal((await awsError(session.iam.send(new CreateUserCommand({ UserName: unique("x") })))).name, "AccessDenied");

    const strict = await iamUser(h, {
      managed: ["IAMReadOnlyAccess"],
      inline: policy(deny("*", "*", { Bool: { "aws:MultiFactorAuthPresent": "false" } })),
    });
    await strict.iam.send(new ListUsersCommand({}));
    await h.iam.send(new CreateLoginProfileCommand({ UserName: strict.name, Password: PASSWORD }));
    const strictSession = await consoleSession(strict.name);
    const e = await awsError(strictSession.iam.send(new ListUsersCommand({})));
    assert.equal(
      e.message,
      `User: ${strict.arn} is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::${ACCOUNT}:user/ with an explicit deny in an identity-based policy`,
    );
  });

  it("lets users change their own password when the account password policy allows it", async () => {
    const user = await iamUser(h);
    await h.iam.send(new CreateLoginProfileCommand({ UserName: user.name, Password: PASSWORD }));
    const change = () => user.iam.send(new ChangePasswordCommand({ OldPassword: PASSWORD, NewPassword: PASSWORD }));
    const refused = await awsError(change());
    assert.equal(
      refused.message,
      `User: ${user.arn} is not authorized to perform: iam:ChangePassword on resource: user ${user.name} because no identity-based policy allows the iam:ChangePassword action`,
    );
    await h.iam.send(new UpdateAccountPasswordPolicyCommand({ AllowUsersToChangePassword: true }));
    await change();
    assert.equal((await user.iam.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy!.AllowUsersToChangePassword, true);
    const other = await iamUser(h, { inline: policy(deny("iam:ChangePassword")) });
    await h.iam.send(new CreateLoginProfileCommand({ UserName: other.name, Password: PASSWORD }));
    const e = await awsError(other.iam.send(new ChangePasswordCommand({ OldPassword: PASSWORD, NewPassword: PASSWORD })));
    assert.match(e.message, /with an explicit deny in an identity-based policy$/);
  });
});
