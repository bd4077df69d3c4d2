import "../helpers/server-only";
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  ChangePasswordCommand,
  CreateAccountAliasCommand,
  CreateLoginProfileCommand,
  CreateRoleCommand,
  IAMClient,
  PutRolePolicyCommand,
} from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { awsError, ROOT_PASSWORD, startHarness, unique, type Harness } from "../helpers/local-aws";
import { ACCOUNT, allow, iamUser, policy, type TestUser } from "../helpers/iam-user";
import { standaloneAccount, trusting, trustPolicy } from "../helpers/sessions";
import type { Principal } from "../../lib/server/principal";
import type { ConsoleToken } from "../../lib/server/switch-role";

const PASSWORD = "Switch-role-Passw0rd!";
const OTHER = "444455556666";
const ENV = ["CLEF_BACKEND", "CLEF_AWS_ENDPOINT"] as const;

describe("Switch role: the console's session update (lib/server/switch-role.ts) against local-aws", () => {
  let h: Harness;
  let other: Awaited<ReturnType<typeof standaloneAccount>>;
  let alice: TestUser;
  let signedIn: Principal;
  let m: typeof import("../../lib/server/switch-role");
  let signIn: typeof import("../../lib/server/sign-in").signIn;
  let authOptions: typeof import("../../lib/server/auth-options").authOptions;
  const saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));

  const roleArn = (name: string) => `arn:aws:iam::${OTHER}:role/${name}`;
  async function role(name: string, trust: Record<string, unknown>, path?: string) {
    await other.iam.send(new CreateRoleCommand({ RoleName: name, Path: path, AssumeRolePolicyDocument: trustPolicy(trust) }));
    await other.iam.send(
      new PutRolePolicyCommand({ RoleName: name, PolicyName: "read", PolicyDocument: JSON.stringify(policy(allow("iam:List*"))) }),
    );
    return name;
  }
  const switchTo = (token: ConsoleToken, account: string, roleName: string, now?: number) =>
    m.updateConsoleToken(token, { action: "switch-role", role: { account, roleName, displayName: "", color: "red" } }, now);
  const sts = ({ credentials: { accessKeyId, secretAccessKey, sessionToken } }: Principal) =>
    new STSClient({
      endpoint: h.aws.url,
      region: "us-east-1",
      credentials: { accessKeyId, secretAccessKey, sessionToken },
      maxAttempts: 1,
    });
  const works = (p: Principal) =>
    sts(p)
      .send(new GetCallerIdentityCommand({}))
      .then(
        () => true,
        () => false,
      );

  before(async () => {
    h = await startHarness();
    process.env.CLEF_AWS_ENDPOINT = h.aws.url;
    delete process.env.CLEF_BACKEND;
    m = await import("../../lib/server/switch-role");
    ({ signIn } = await import("../../lib/server/sign-in"));
    ({ authOptions } = await import("../../lib/server/auth-options"));
    other = await standaloneAccount(h, OTHER);
    await other.iam.send(new CreateAccountAliasCommand({ AccountAlias: "partner-account" }));
    alice = await iamUser(h, { prefix: "alice", inline: policy(allow("sts:AssumeRole", `arn:aws:iam::${OTHER}:role/*`)) });
    await h.iam.send(new CreateLoginProfileCommand({ UserName: alice.name, Password: PASSWORD }));
    signedIn = await signIn({ type: "iam", account: ACCOUNT, userName: alice.name, password: PASSWORD }, undefined);
  });
  after(async () => {
    for (const k of ENV)
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    await h.stop();
  });

  it("assumes the role with the signed-in user's credentials, the session named after the user, for an hour", async () => {
    const name = await role(unique("dev"), trusting({ AWS: `arn:aws:iam::${ACCOUNT}:root` }));
    const token = await switchTo({ principal: signedIn }, OTHER, name);
    assert.deepEqual(token.switchOutcome, { ok: true });
    const p = token.switched!.principal;
    assert.equal(p.arn, `arn:aws:sts::${OTHER}:assumed-role/${name}/${alice.name}`);
    assert.deepEqual([p.type, p.accountId, p.accountAlias], ["assumed-role", OTHER, "partner-account"]);
    const left = p.credentials.expiration - Date.now();
    assert.ok(left > 3500_000 && left <= 3600_000, `one hour, not ${left} ms`);
    assert.deepEqual(token.switched!.role, {
      account: OTHER,
      accountId: OTHER,
      roleName: name,
      displayName: `${name} @ ${OTHER}`,
      color: "red",
    });
    assert.deepEqual(token.recentRoles, [token.switched!.role]);
    assert.equal(m.activeSession(token)!.principal, p);
    assert.equal(token.principal, signedIn, "the signed-in principal is kept for switching back");
  });

  it("takes the account's alias and a role with a path", async () => {
    const name = await role(unique("pathed"), trusting({ AWS: alice.arn }), "/job-function/");
    const token = await switchTo({ principal: signedIn }, "partner-account", `job-function/${name}`);
    assert.deepEqual(token.switchOutcome, { ok: true });
    assert.equal(token.switched!.principal.arn, `arn:aws:sts::${OTHER}:assumed-role/${name}/${alice.name}`);
    assert.equal(token.switched!.role.accountId, OTHER);
    assert.equal(token.switched!.role.displayName, `${name} @ partner-account`);
  });

  it("an alias no account has is a field error", async () => {
    const token = await switchTo({ principal: signedIn }, "no-such-alias", "dev");
    assert.deepEqual(token.switchOutcome, {
      ok: false,
      code: "ValidationError",
      message: "No account has the alias no-such-alias.",
      fieldErrors: { account: "No account has the alias no-such-alias." },
    });
    assert.equal(token.switched, undefined);
  });

  it("switching again from a role uses the signed-in credentials, never the role's, and ends the previous role session", async () => {
    const first = await role(unique("first"), trusting({ AWS: `arn:aws:iam::${ACCOUNT}:root` }));
    // Only alice is trusted: a chained AssumeRole made with the first role's session would be refused.
    const second = await role(unique("second"), trusting({ AWS: alice.arn }));
    const a = await switchTo({ principal: signedIn }, OTHER, first);
    const b = await switchTo(a, OTHER, second);
    assert.deepEqual(b.switchOutcome, { ok: true });
    assert.equal(b.switched!.principal.arn, `arn:aws:sts::${OTHER}:assumed-role/${second}/${alice.name}`);
    assert.deepEqual(
      b.recentRoles!.map((r) => r.roleName),
      [second, first],
    );
    assert.equal(await works(a.switched!.principal), false, "the first role's session was ended");
    assert.equal(await works(b.switched!.principal), true);
  });

  it("a role that doesn't trust the user: AWS's AccessDenied, and the console stays as it was", async () => {
    const name = await role(unique("closed"), trusting({ AWS: `arn:aws:iam::${OTHER}:root` }));
    const before = await switchTo({ principal: signedIn }, OTHER, await role(unique("open"), trusting({ AWS: alice.arn })));
    const token = await switchTo(before, OTHER, name);
    assert.deepEqual(token.switchOutcome, {
      ok: false,
      code: "AccessDenied",
      message: `User: ${alice.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn(name)}`,
    });
    assert.equal(token.switched, before.switched);
    assert.deepEqual(token.recentRoles, before.recentRoles);
  });

  it("a role requiring an external ID cannot be switched to (the console passes none)", async () => {
    const name = await role(
      unique("vendor"),
      trusting({ AWS: `arn:aws:iam::${ACCOUNT}:root` }, "sts:AssumeRole", { StringEquals: { "sts:ExternalId": "Unicorn-7" } }),
    );
    const token = await switchTo({ principal: signedIn }, OTHER, name);
    assert.deepEqual(token.switchOutcome, {
      ok: false,
      code: "AccessDenied",
      message: `User: ${alice.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn(name)}`,
    });
  });

  it("the root user cannot switch: AWS's refusal", async () => {
    const root = await signIn({ type: "root", email: h.config.rootEmail, password: ROOT_PASSWORD }, undefined);
    const name = await role(unique("rootless"), trusting({ AWS: `arn:aws:iam::${ACCOUNT}:root` }));
    const token = await switchTo({ principal: root }, OTHER, name);
    assert.deepEqual(token.switchOutcome, { ok: false, code: "AccessDenied", message: "Roles may not be assumed by root accounts." });
  });

  it("the role session never outlives the console session: min(1 hour, what is left), at least 900 seconds asked", async () => {
    const name = await role(unique("short"), trusting({ AWS: alice.arn }));
    const now = Date.now();
    const twentyMinutes = { ...signedIn, credentials: { ...signedIn.credentials, expiration: now + 20 * 60_000 } };
    const a = await switchTo({ principal: twentyMinutes }, OTHER, name, now);
    assert.ok(Math.abs(a.switched!.principal.credentials.expiration - (now + 20 * 60_000)) < 5000);
    const fiveMinutes = { ...signedIn, credentials: { ...signedIn.credentials, expiration: now + 5 * 60_000 } };
    const b = await switchTo({ principal: fiveMinutes }, OTHER, name, now);
    assert.equal(b.switched!.principal.credentials.expiration, now + 5 * 60_000);
  });

  it("switch back: the signed-in principal acts again and the role session ends", async () => {
    const name = await role(unique("back"), trusting({ AWS: alice.arn }));
    const switched = await switchTo({ principal: signedIn }, OTHER, name);
    const back = await m.updateConsoleToken(switched, { action: "switch-back" });
    assert.deepEqual(back.switchOutcome, { ok: true });
    assert.equal(back.switched, undefined);
    assert.deepEqual(back.recentRoles, switched.recentRoles);
    assert.equal(m.activeSession(back)!.principal, signedIn);
    assert.equal(await works(switched.switched!.principal), false);
  });

  it("an expired role session: the console is the signed-in principal again, the ended role named", async () => {
    const name = await role(unique("expiring"), trusting({ AWS: alice.arn }));
    const token = await switchTo({ principal: signedIn }, OTHER, name);
    const later = token.switched!.principal.credentials.expiration + 1;
    const s = m.activeSession(token, later)!;
    assert.equal(s.principal, signedIn);
    assert.equal(s.ended, token.switched);
    const state = m.switchRoleState(s);
    assert.equal(state.active, undefined);
    assert.equal(state.ended!.displayName, `${name} @ ${OTHER}`);
    assert.ok(!JSON.stringify(state).includes(signedIn.credentials.secretAccessKey), "no credentials reach the browser");
  });

  it("next-auth's callbacks: update with data switches; the session shows identity only", async () => {
    const name = await role(unique("callbacks"), trusting({ AWS: alice.arn }));
    const jwt = authOptions.callbacks!.jwt!;
    const sessionCb = authOptions.callbacks!.session!;
    const data = { action: "switch-role", role: { account: OTHER, roleName: name } };
    const token = (await jwt({ token: { principal: signedIn }, trigger: "update", session: data } as never)) as ConsoleToken;
    assert.deepEqual(token.switchOutcome, { ok: true });
    const session = (await sessionCb({ session: { expires: "" }, token } as never)) as unknown as Record<string, unknown>;
    assert.deepEqual(session.switchRole, { ok: true });
    assert.equal((session.identity as { arn: string }).arn, `arn:aws:sts::${OTHER}:assumed-role/${name}/${alice.name}`);
    assert.ok(!JSON.stringify(session).includes(token.switched!.principal.credentials.secretAccessKey));
    const read = (await jwt({ token } as never)) as ConsoleToken;
    assert.equal(read.switchOutcome, undefined, "the outcome is for the update's own answer only");
  });

  it("an update lifts a required password change only once local-aws says the password was changed", async () => {
    const bob = await iamUser(h, { prefix: "bob", managed: ["IAMUserChangePassword"] });
    await h.iam.send(new CreateLoginProfileCommand({ UserName: bob.name, Password: PASSWORD, PasswordResetRequired: true }));
    const me = await signIn({ type: "iam", account: ACCOUNT, userName: bob.name, password: PASSWORD }, undefined);
    assert.equal(me.passwordResetRequired, true);
    const jwt = authOptions.callbacks!.jwt!;
    const asked = (await jwt({ token: { principal: me }, trigger: "update" } as never)) as ConsoleToken;
    assert.equal(asked.principal!.passwordResetRequired, true, "asking alone lifts nothing");
    const { accessKeyId, secretAccessKey, sessionToken } = me.credentials;
    const iam = new IAMClient({ endpoint: h.aws.url, region: "us-east-1", credentials: { accessKeyId, secretAccessKey, sessionToken } });
    await iam.send(new ChangePasswordCommand({ OldPassword: PASSWORD, NewPassword: `${PASSWORD}-new` }));
    const changed = (await jwt({ token: { principal: me }, trigger: "update" } as never)) as ConsoleToken;
    assert.equal(changed.principal!.passwordResetRequired, false);
  });

  it("sign-out ends the console session and the role session", async () => {
    const me = await signIn({ type: "iam", account: ACCOUNT, userName: alice.name, password: PASSWORD }, undefined);
    const name = await role(unique("signout"), trusting({ AWS: alice.arn }));
    const token = await switchTo({ principal: me }, OTHER, name);
    await m.endConsoleSessions(token);
    assert.equal(await works(me), false);
    assert.equal(await works(token.switched!.principal), false);
    assert.equal((await awsError(sts(token.switched!.principal).send(new GetCallerIdentityCommand({})))).name, "InvalidClientTokenId");
  });
});
