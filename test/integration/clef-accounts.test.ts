import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { CreateAccountAliasCommand, IAMClient } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { startHarness, type Harness } from "../helpers/local-aws";

// PUT /_clef/accounts/ID: standalone accounts for cross-account stories, refused whole when any field is wrong.
describe("/_clef/accounts", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.stop());

  const put = async (id: string, body: unknown) => {
    const res = await fetch(`${h.aws.url}/_clef/accounts/${id}`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, string> };
  };
  const accountIds = async () =>
    ((await (await fetch(`${h.aws.url}/_clef/accounts`)).json()) as { accounts: { accountId: string }[] }).accounts.map((a) => a.accountId);

  it("creates an account whose generated root keys are returned once and work", async () => {
    const res = await put("111122223333", { name: "Partner" });
    assert.equal(res.status, 201);
    assert.equal(res.body.name, "Partner");
    assert.match(res.body.rootAccessKeyId, /^[A-Z0-9]{16,}$/);
    const sts = new STSClient({
      endpoint: h.aws.url,
      region: "us-east-1",
      credentials: { accessKeyId: res.body.rootAccessKeyId, secretAccessKey: res.body.rootSecretAccessKey },
    });
    assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Arn, "arn:aws:iam::111122223333:root");
    assert.ok((await accountIds()).includes("111122223333"));
    assert.deepEqual(await put("111122223333", {}), { status: 409, body: { error: "Account 111122223333 already exists." } });
  });

  it("keys given by the caller are used, and their secret is not echoed", async () => {
    const res = await put("111122224444", { rootAccessKeyId: "AKIAPARTNERKEY00001", rootSecretAccessKey: "partner-secret" });
    assert.equal(res.status, 201);
    assert.equal(res.body.rootAccessKeyId, "AKIAPARTNERKEY00001");
    assert.equal(res.body.rootSecretAccessKey, undefined);
    const clash = await put("111122225555", { rootAccessKeyId: "AKIAPARTNERKEY00001", rootSecretAccessKey: "x" });
    assert.equal(clash.status, 409);
  });

  it("refuses bad fields with a 400 that names them, and creates nothing", async () => {
    const cases: [string, unknown, RegExp][] = [
      ["12345", {}, /12 digits/],
      ["111122226666", { name: "x".repeat(51) }, /name must be 1 to 50 characters/],
      ["111122226666", { name: 42 }, /name must be 1 to 50 characters/],
      ["111122226666", { name: "" }, /name must be 1 to 50 characters/],
      ["111122226666", { email: "not-an-email" }, /valid email/],
      ["111122226666", { rootPassword: "Partner-Passw0rd!" }, /needs an email/],
      ["111122226666", { email: "p@example.com", rootPassword: "short" }, /8 to 128 characters/],
      ["111122226666", { rootAccessKeyId: "AKIAONLYKEY0000001" }, /together, or neither/],
    ];
    for (const [id, body, error] of cases) {
      const res = await put(id, body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.match(res.body.error, error);
    }
    assert.ok(!(await accountIds()).includes("111122226666"));
  });

  it("an email is the account's own: a second account cannot take it", async () => {
    assert.equal((await put("111122227777", { email: "Team@Example.com", rootPassword: "Partner-Passw0rd!" })).status, 201);
    const res = await put("111122228888", { email: "team@example.com" });
    assert.equal(res.status, 409);
    assert.match(res.body.error, /already uses/);
  });

  it("names the account that holds an alias", async () => {
    const created = await put("111122229999", {});
    const iam = new IAMClient({
      endpoint: h.aws.url,
      region: "us-east-1",
      credentials: { accessKeyId: created.body.rootAccessKeyId, secretAccessKey: created.body.rootSecretAccessKey },
    });
    await iam.send(new CreateAccountAliasCommand({ AccountAlias: "partner-co" }));
    const found = await fetch(`${h.aws.url}/_clef/accounts/by-alias/Partner-Co`);
    assert.deepEqual(await found.json(), { accountId: "111122229999", alias: "partner-co" });
    assert.equal((await fetch(`${h.aws.url}/_clef/accounts/by-alias/nobody-here`)).status, 404);
  });
});
