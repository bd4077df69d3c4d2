import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CreateAccountAliasCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  CreateAccessKeyCommand,
  GetUserCommand,
  IAMClient,
} from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand, GetSessionTokenCommand, STSClient } from "@aws-sdk/client-sts";
import { awsError, ROOT_PASSWORD, startHarness, unique, type Harness } from "../helpers/local-aws";
import { openDb } from "../../local-aws/store/db";
import { ensureRootPassword } from "../../local-aws/console-signin";
import { configFromEnv } from "../../local-aws/config";

type Creds = { AccessKeyId: string; SecretAccessKey: string; SessionToken: string; Expiration: string };

describe("console sign-in and temporary credentials", () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.stop());

  const signIn = (body: unknown) =>
    fetch(`${h.aws.url}/_clef/console-signin`, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    });
  const clients = (c: Creds) => {
    const opts = {
      endpoint: h.aws.url,
      region: "us-east-1",
      maxAttempts: 1,
      credentials: { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken },
    };
    return { iam: new IAMClient(opts), sts: new STSClient(opts) };
  };

  it("signs the root user in with email and password and issues working ASIA credentials", async () => {
    const bad = await signIn({ type: "root", email: "admin@clef.local", password: "wrong" });
    assert.equal(bad.status, 401);
    assert.equal((await bad.json()).error, "Your authentication information is incorrect. Please try again.");
    assert.equal((await signIn({ type: "root", email: "someone@else", password: ROOT_PASSWORD })).status, 401);
    const res = await signIn({ type: "root", email: "Admin@Clef.local", password: ROOT_PASSWORD });
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.principal.arn, "arn:aws:iam::000000000000:root");
    assert.match(body.credentials.AccessKeyId, /^ASIA[A-Z0-9]{16}$/);
    assert.ok(Date.parse(body.credentials.Expiration) > Date.now() + 11 * 3600_000);
    const id = await clients(body.credentials).sts.send(new GetCallerIdentityCommand({}));
    assert.equal(id.Arn, "arn:aws:iam::000000000000:root");
  });

  it("signs an IAM user in by account ID or alias, records PasswordLastUsed, and reports a required reset", async () => {
    const name = unique("console");
    await h.iam.send(new CreateUserCommand({ UserName: name }));
    await h.iam.send(new CreateLoginProfileCommand({ UserName: name, Password: "Correct-horse-9", PasswordResetRequired: true }));
    const alias = unique("acct").toLowerCase();
    await h.iam.send(new CreateAccountAliasCommand({ AccountAlias: alias }));
    assert.equal((await signIn({ type: "iam", account: "000000000000", userName: name, password: "nope" })).status, 401);
    assert.equal((await signIn({ type: "iam", account: "111111111111", userName: name, password: "Correct-horse-9" })).status, 401);
    assert.equal((await signIn({ type: "iam", account: "000000000000", userName: "ghost", password: "Correct-horse-9" })).status, 401);
    const byId = await (await signIn({ type: "iam", account: "000000000000", userName: name, password: "Correct-horse-9" })).json();
    assert.equal(byId.passwordResetRequired, true);
    assert.equal(byId.accountAlias, alias);
    const byAlias = await signIn({ type: "iam", account: alias, userName: name.toUpperCase(), password: "Correct-horse-9" });
    assert.equal(byAlias.status, 200);
    const { principal, credentials } = await byAlias.json();
    assert.equal(principal.userName, name);
    const id = await clients(credentials).sts.send(new GetCallerIdentityCommand({}));
    assert.equal(id.Arn, `arn:aws:iam::000000000000:user/${name}`);
    const { User } = await h.iam.send(new GetUserCommand({ UserName: name }));
    assert.ok(User!.PasswordLastUsed instanceof Date);
  });

  it("rejects malformed sign-in bodies with 400", async () => {
    assert.equal((await signIn({ type: "iam", userName: "x" })).status, 400);
    const res = await fetch(`${h.aws.url}/_clef/console-signin`, { method: "POST", body: "not json" });
    assert.equal(res.status, 400);
  });

  it("requires the session token, and stops honouring credentials after sign-out or expiry", async () => {
    const { credentials } = await (await signIn({ type: "root", email: "admin@clef.local", password: ROOT_PASSWORD })).json();
    const noToken = await awsError(
      h.client(credentials.AccessKeyId, credentials.SecretAccessKey).sts.send(new GetCallerIdentityCommand({})),
    );
    assert.equal(noToken.name, "InvalidClientTokenId");
    const out = await fetch(`${h.aws.url}/_clef/console-signout`, {
      method: "POST",
      body: JSON.stringify({ accessKeyId: credentials.AccessKeyId }),
    });
    assert.deepEqual(await out.json(), { signedOut: true });
    const after = await awsError(clients(credentials).sts.send(new GetCallerIdentityCommand({})));
    assert.equal(after.name, "InvalidClientTokenId");
    const second = (await (await signIn({ type: "root", email: "admin@clef.local", password: ROOT_PASSWORD })).json()).credentials;
    h.aws.db.prepare("UPDATE sessions SET expiration = '2000-01-01T00:00:00Z' WHERE access_key_id = ?").run(second.AccessKeyId);
    const expired = await awsError(clients(second).sts.send(new GetCallerIdentityCommand({})));
    assert.equal(expired.name, "ExpiredToken");
    assert.equal(expired.status, 403);
    assert.equal(expired.message, "The security token included in the request is expired");
  });

  it("issues GetSessionToken credentials for an IAM user, not from session credentials, and caps root at one hour", async () => {
    const name = unique("gst");
    await h.iam.send(new CreateUserCommand({ UserName: name }));
    const { AccessKey } = await h.iam.send(new CreateAccessKeyCommand({ UserName: name }));
    const user = h.client(AccessKey!.AccessKeyId!, AccessKey!.SecretAccessKey!);
    const { Credentials } = await user.sts.send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
    assert.match(Credentials!.AccessKeyId!, /^ASIA/);
    assert.ok(Credentials!.Expiration!.getTime() - Date.now() <= 900_000);
    const session = clients({ ...Credentials!, Expiration: "" } as unknown as Creds);
    assert.equal((await session.sts.send(new GetCallerIdentityCommand({}))).Arn, `arn:aws:iam::000000000000:user/${name}`);
    const nested = await awsError(session.sts.send(new GetSessionTokenCommand({})));
    assert.equal(nested.name, "AccessDenied");
    assert.equal(nested.message, "Cannot call GetSessionToken with session credentials");
    const rootLong = await awsError(h.sts.send(new GetSessionTokenCommand({ DurationSeconds: 7200 })));
    assert.equal(rootLong.name, "AccessDenied");
    const tooShort = await awsError(h.sts.send(new GetSessionTokenCommand({ DurationSeconds: 899 })));
    assert.equal(tooShort.name, "ValidationError");
  });
});

describe("root console password", () => {
  it("is generated once when none is configured, and a configured one replaces it", () => {
    const dir = mkdtempSync(join(tmpdir(), "clef-rootpw-"));
    const db = openDb(dir);
    try {
      const config = { ...configFromEnv({}), dataDir: dir };
      const first = ensureRootPassword(db, config);
      assert.match(first ?? "", /^[A-Za-z0-9_-]{16}$/);
      assert.equal(ensureRootPassword(db, config), undefined);
      assert.equal(ensureRootPassword(db, { ...config, rootPassword: "Chosen-1-password" }), undefined);
      const stored = db.prepare("SELECT value FROM meta WHERE key = 'root-password:000000000000'").get() as { value: string };
      assert.ok(!stored.value.includes("Chosen-1-password"));
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
