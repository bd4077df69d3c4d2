import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { CreateUserCommand, GetUserCommand, ListUsersCommand } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { clefAllowed, isLoopback } from "../../local-aws/clef-routes";
import { dataTables } from "../../local-aws/store/db";
import type { SignedRequest } from "../../local-aws/protocol/sigv4";
import { awsError, startHarness, unique, type Harness } from "../helpers/local-aws";
import { form, rawRequest, sign } from "../helpers/signed-request";

describe("/_clef/ routes", () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.stop());

  const clef = async (method: string, path: string) => {
    const res = await fetch(`${h.aws.url}/_clef/${path}`, { method });
    return { status: res.status, type: res.headers.get("content-type"), body: (await res.json()) as Record<string, unknown> };
  };
  const count = (sql: string, ...args: unknown[]) => (h.aws.db.prepare(sql).get(...args) as { n: number }).n;
  /** Every row of every table, in a stable order: what "exactly the same data" means. */
  const dump = () => Object.fromEntries(dataTables(h.aws.db).map((t) => [t, h.aws.db.prepare(`SELECT * FROM "${t}" ORDER BY 1, 2`).all()]));

  function seedOtherFamilies(suffix: string) {
    const now = new Date().toISOString();
    const db = h.aws.db;
    db.prepare("INSERT INTO groups VALUES (?, '000000000000', ?, ?, '/', ?, ?)").run(
      `AGPA${suffix}`,
      `g${suffix}`,
      `g${suffix}`.toLowerCase(),
      `arn:aws:iam::000000000000:group/g${suffix}`,
      now,
    );
    db.prepare(
      "INSERT INTO roles (role_id, account_id, name, name_lc, path, arn, assume_role_policy, create_date) VALUES (?, '000000000000', ?, ?, '/', ?, '{}', ?)",
    ).run(`AROA${suffix}`, `r${suffix}`, `r${suffix}`.toLowerCase(), `arn:aws:iam::000000000000:role/r${suffix}`, now);
    const id = `ANPA${suffix}`;
    db.prepare("INSERT INTO policies VALUES (?, '000000000000', ?, ?, '/', ?, NULL, 'v1', 2, ?, ?)").run(
      id,
      `p${id}`,
      `p${id}`.toLowerCase(),
      `arn:aws:iam::000000000000:policy/p${id}`,
      now,
      now,
    );
    db.prepare("INSERT INTO policy_versions VALUES (?, 'v1', '{}', ?)").run(id, now);
  }

  it("reports health as JSON", async () => {
    const res = await clef("GET", "health");
    assert.equal(res.status, 200);
    assert.equal(res.type, "application/json");
    assert.deepEqual(res.body, { status: "ok", accountId: "000000000000", services: ["iam", "sts", "organizations"] });
  });

  it("reset empties users, groups, roles and customer policies but keeps the AWS catalogue and the root key", async () => {
    const suffix = unique("R").replace(/-/g, "").toUpperCase();
    await h.iam.send(new CreateUserCommand({ UserName: unique("reset") }));
    seedOtherFamilies(suffix);
    const catalogue = count("SELECT COUNT(*) AS n FROM policies WHERE account_id = 'aws'");
    const catalogueVersions = count(
      "SELECT COUNT(*) AS n FROM policy_versions v JOIN policies p USING (policy_id) WHERE p.account_id = 'aws'",
    );
    assert.ok(catalogue > 1000, "the AWS managed policy catalogue is seeded");
    assert.equal(count("SELECT COUNT(*) AS n FROM policies WHERE account_id <> 'aws'"), 1);
    const res = await clef("POST", "reset");
    assert.deepEqual(res, { status: 200, type: "application/json", body: { reset: true } });
    for (const t of ["users", "groups", "roles", "tags", "attachments", "group_members"])
      assert.equal(count(`SELECT COUNT(*) AS n FROM "${t}"`), 0, t);
    assert.equal(count("SELECT COUNT(*) AS n FROM policies WHERE account_id <> 'aws'"), 0);
    assert.equal(count("SELECT COUNT(*) AS n FROM policies WHERE account_id = 'aws'"), catalogue);
    assert.equal(count("SELECT COUNT(*) AS n FROM policy_versions"), catalogueVersions);
    assert.equal(count("SELECT COUNT(*) AS n FROM policies WHERE arn = 'arn:aws:iam::aws:policy/AdministratorAccess'"), 1);
    assert.equal((await h.iam.send(new ListUsersCommand({}))).Users!.length, 0);
    const me = await h.sts.send(new GetCallerIdentityCommand({}));
    assert.equal(me.Arn, "arn:aws:iam::000000000000:root");
  });

  it("saves, lists, restores exactly and deletes a snapshot", async () => {
    const kept = unique("kept");
    await h.iam.send(new CreateUserCommand({ UserName: kept, Tags: [{ Key: "k", Value: "v" }] }));
    seedOtherFamilies(unique("S").replace(/-/g, "").toUpperCase());
    const name = unique("snap");
    assert.deepEqual(await clef("PUT", `snapshots/${name}`), { status: 200, type: "application/json", body: { saved: name } });
    const before = dump();
    const later = unique("later");
    await h.iam.send(new CreateUserCommand({ UserName: later }));
    await clef("POST", "reset");
    await h.iam.send(new CreateUserCommand({ UserName: unique("after-reset") }));
    assert.ok(((await clef("GET", "snapshots")).body.snapshots as string[]).includes(name));
    assert.deepEqual((await clef("POST", `snapshots/${name}/restore`)).body, { restored: name });
    assert.deepEqual(dump(), before);
    assert.equal((await h.iam.send(new GetUserCommand({ UserName: kept }))).User!.Tags![0].Value, "v");
    assert.equal((await awsError(h.iam.send(new GetUserCommand({ UserName: later })))).name, "NoSuchEntityException");
    assert.deepEqual((await clef("DELETE", `snapshots/${name}`)).body, { deleted: name });
    assert.ok(!((await clef("GET", "snapshots")).body.snapshots as string[]).includes(name));
    assert.equal((await clef("DELETE", `snapshots/${name}`)).status, 404);
    assert.equal((await clef("POST", `snapshots/${name}/restore`)).status, 404);
  });

  it("refuses bad snapshot names with 400", async () => {
    for (const bad of ["bad.name", "a".repeat(65), "sp%20ace", "x%2Fy", "caf%C3%A9", "a:b"]) {
      const res = await clef("PUT", `snapshots/${bad}`);
      assert.equal(res.status, 400, bad);
      assert.match(String(res.body.error), /Snapshot names/);
    }
    assert.equal((await clef("PUT", "snapshots")).status, 400);
  });

  it("answers unknown routes under /_clef/ with 404 JSON, and nothing local lives outside /_clef/", async () => {
    for (const [method, path] of [
      ["GET", "nope"],
      ["POST", "health"],
      ["GET", "reset"],
      ["GET", "snapshots/a/b/c"],
      ["PATCH", "snapshots/a"],
    ]) {
      const res = await clef(method, path);
      assert.equal(res.status, 404, `${method} ${path}`);
      assert.equal(res.type, "application/json");
    }
    for (const path of ["/health", "/_clef", "/reset", "/snapshots", "/_clefhealth"]) {
      const res = await rawRequest(h.aws.url, { method: "GET", path });
      assert.equal(res.status, 403, path);
      assert.match(res.body, /<Code>MissingAuthenticationToken<\/Code>/);
    }
  });

  it("lets loopback callers in, and others only when root-signed", async () => {
    for (const addr of ["127.0.0.1", "127.0.0.2", "::1", "::ffff:127.0.0.1"]) assert.ok(isLoopback(addr), addr);
    for (const addr of ["10.0.0.5", "::ffff:10.0.0.5", "192.168.1.2", "::2", undefined]) assert.ok(!isLoopback(addr), String(addr));

    const asSigned = (s: Awaited<ReturnType<typeof sign>>): SignedRequest => ({
      method: s.method,
      path: s.path,
      query: new URLSearchParams(s.query),
      headers: Object.fromEntries(Object.entries(s.headers).map(([k, v]) => [k.toLowerCase(), v])),
      body: s.body ?? Buffer.alloc(0),
    });
    const request = { method: "POST", path: "/_clef/reset", body: form("Reset") };
    const unsigned = { method: "POST", path: "/_clef/reset", query: new URLSearchParams(), headers: {}, body: Buffer.alloc(0) };
    assert.equal(clefAllowed(h.aws.db, h.config, "10.0.0.5", unsigned), false);
    assert.equal(clefAllowed(h.aws.db, h.config, "127.0.0.1", unsigned), true);
    assert.equal(clefAllowed(h.aws.db, h.config, "10.0.0.5", asSigned(await sign(h.aws.url, request))), true);
    assert.equal(
      clefAllowed(h.aws.db, h.config, "10.0.0.5", asSigned(await sign(h.aws.url, request, { secretAccessKey: "wrong" }))),
      false,
    );

    const userName = unique("clef-user");
    const { User } = await h.iam.send(new CreateUserCommand({ UserName: userName }));
    h.aws.db
      .prepare(
        "INSERT INTO access_keys (access_key_id, account_id, user_id, secret_access_key, status, create_date) VALUES (?, '000000000000', ?, 'usersecret', 'Active', ?)",
      )
      .run(`AKIACLEF${Date.now()}`, User!.UserId, new Date().toISOString());
    const keyId = (h.aws.db.prepare("SELECT access_key_id AS k FROM access_keys WHERE user_id = ?").get(User!.UserId) as { k: string }).k;
    const userSigned = asSigned(await sign(h.aws.url, request, { accessKeyId: keyId, secretAccessKey: "usersecret" }));
    assert.equal(clefAllowed(h.aws.db, h.config, "10.0.0.5", userSigned), false);
  });

  it("answers an oversized /_clef/ body with 413 JSON", async () => {
    const res = await fetch(`${h.aws.url}/_clef/reset`, { method: "POST", body: Buffer.alloc(1024 * 1024 + 1) });
    assert.equal(res.status, 413);
    assert.equal(res.headers.get("content-type"), "application/json");
    assert.equal((await clef("GET", "health")).status, 200);
  });
});
