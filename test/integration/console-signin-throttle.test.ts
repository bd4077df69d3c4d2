import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { CreateAccountAliasCommand, CreateLoginProfileCommand, CreateUserCommand } from "@aws-sdk/client-iam";
import { ROOT_PASSWORD, startHarness, unique, type Harness } from "../helpers/local-aws";

const PASSWORD = "Throttle-me-not-1";
const THROTTLED = /^Too many failed sign-in attempts\. Wait (\d+) seconds? and try again\.$/;

describe("console sign-in throttling", () => {
  let h: Harness;
  let t = Date.now();
  const advance = (ms: number) => (t += ms);
  const throttle = { userFailures: 3, clientFailures: 8, delayMs: 10_000, maxDelayMs: 40_000, forgetMs: 15 * 60_000, now: () => t };
  before(async () => (h = await startHarness({ signInThrottle: throttle })));
  after(async () => h.stop());

  const signIn = async (body: Record<string, unknown>) => {
    const res = await fetch(`${h.aws.url}/_clef/console-signin`, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    });
    return { status: res.status, retryAfter: res.headers.get("retry-after"), body: (await res.json()) as Record<string, unknown> };
  };
  async function newUser() {
    const userName = unique("throttled");
    await h.iam.send(new CreateUserCommand({ UserName: userName }));
    await h.iam.send(new CreateLoginProfileCommand({ UserName: userName, Password: PASSWORD }));
    return userName;
  }
  const iam = (userName: string, password: string, extra: Record<string, unknown> = {}) =>
    signIn({ type: "iam", account: "000000000000", userName, password, ...extra });

  it("answers a burst of wrong passwords with 429 and Retry-After, and refuses even the right password until the wait ends", async () => {
    const userName = await newUser();
    const ip = "198.51.100.1";
    for (let i = 0; i < 3; i++) assert.equal((await iam(userName, `wrong-${i}`, { clientIp: ip })).status, 401);
    const held = await iam(userName, PASSWORD, { clientIp: ip });
    assert.equal(held.status, 429);
    assert.match(String(held.body.error), THROTTLED);
    assert.equal(held.retryAfter, "10");
    assert.equal(held.body.retryAfterSeconds, 10);
    assert.equal(held.body.credentials, undefined);
    assert.equal((await iam(userName.toUpperCase(), PASSWORD, { clientIp: "198.51.100.2" })).status, 429, "any client, any case");

    advance(10_001);
    const ok = await iam(userName, PASSWORD, { clientIp: ip });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    for (let i = 0; i < 2; i++) assert.equal((await iam(userName, "wrong", { clientIp: ip })).status, 401, "the success cleared the count");
  });

  it("doubles the wait with each failure after the first hold, caps it, and forgets it after a quiet spell", async () => {
    const userName = await newUser();
    const waits: string[] = [];
    for (let i = 0; i < 3; i++) await iam(userName, "wrong", { clientIp: `203.0.113.${i}` });
    for (let i = 0; i < 3; i++) {
      waits.push((await iam(userName, "wrong", { clientIp: "203.0.113.9" })).retryAfter ?? "");
      advance(Number(waits.at(-1)) * 1000 + 1);
      assert.equal((await iam(userName, "wrong", { clientIp: `203.0.113.${10 + i}` })).status, 401);
    }
    waits.push((await iam(userName, "wrong", { clientIp: "203.0.113.9" })).retryAfter ?? "");
    assert.deepEqual(waits, ["10", "20", "40", "40"]);
    advance(15 * 60_000 + 40_001);
    assert.equal((await iam(userName, PASSWORD, { clientIp: "203.0.113.20" })).status, 200);
  });

  it("holds back a client that fails across many users, and counts an account's alias and ID as one", async () => {
    const alias = unique("throttle").toLowerCase();
    await h.iam.send(new CreateAccountAliasCommand({ AccountAlias: alias }));
    const ip = "192.0.2.7";
    for (let i = 0; i < 8; i++) assert.equal((await iam(unique("nobody"), "wrong", { clientIp: ip })).status, 401);
    const userName = await newUser();
    assert.equal((await iam(userName, PASSWORD, { clientIp: ip })).status, 429, "the client is held back for a user it never tried");
    assert.equal((await iam(userName, PASSWORD, { clientIp: "192.0.2.8" })).status, 200, "another client is not");

    const other = await newUser();
    await iam(other, "wrong", { clientIp: "192.0.2.30" });
    await signIn({ type: "iam", account: alias, userName: other, password: "wrong", clientIp: "192.0.2.31" });
    await iam(other, "wrong", { clientIp: "192.0.2.32" });
    assert.equal((await signIn({ type: "iam", account: alias, userName: other, password: PASSWORD, clientIp: "192.0.2.33" })).status, 429);
    advance(10_001);
  });

  it("throttles the root user by email, and uses the socket's address when clientIp is missing or not an address", async () => {
    for (let i = 0; i < 3; i++)
      assert.equal((await signIn({ type: "root", email: "admin@clef.local", password: "wrong", clientIp: "not-an-ip" })).status, 401);
    assert.equal((await signIn({ type: "root", email: " ADMIN@clef.local", password: ROOT_PASSWORD })).status, 429);
    advance(10_001);
    assert.equal((await signIn({ type: "root", email: "admin@clef.local", password: ROOT_PASSWORD })).status, 200);
    for (let i = 0; i < 5; i++) await iam(unique("ghost"), "wrong");
    const fromSocket = await iam(unique("ghost"), "wrong", { clientIp: "::1" });
    assert.equal(fromSocket.status, 401, "a stated clientIp is its own client");
    assert.equal((await iam(unique("ghost"), "wrong")).status, 429, "8 failures from the socket's address without clientIp");
    advance(10_001);
  });
});
