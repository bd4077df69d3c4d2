import "../helpers/server-only";
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { clientAddress, clientKey, createSignInThrottle, throttledMessage, type SignInAttempt } from "../../lib/server/sign-in-throttle";

const SETTINGS = { userFreeFailures: 3, clientFreeFailures: 5, baseSeconds: 2, maxSeconds: 30, forgetSeconds: 600 };

function setup(settings = SETTINGS, maxKeys?: number) {
  const clock = { t: 1_000_000 };
  const throttle = createSignInThrottle(settings, () => clock.t, maxKeys);
  const begin = (user: string, client = "192.0.2.1") => throttle.begin(user, client);
  const attempt = (user: string, client?: string) => {
    const a = begin(user, client);
    assert.ok(!("waitSeconds" in a), `${user} from ${client} should be allowed, was told to wait ${JSON.stringify(a)}`);
    return a as SignInAttempt;
  };
  const waitOf = (user: string, client?: string) => {
    const a = begin(user, client);
    if ("waitSeconds" in a) return a.waitSeconds;
    a.abandoned();
    return 0;
  };
  const fail = (user: string, client?: string) => attempt(user, client).failed();
  return { clock, throttle, attempt, waitOf, fail, advance: (seconds: number) => (clock.t += seconds * 1000) };
}

describe("sign-in throttle", () => {
  it("lets a user fail a few times freely, then makes each next attempt wait, the wait doubling up to the cap", () => {
    const { waitOf, fail, advance } = setup();
    fail("alice");
    fail("alice");
    assert.equal(waitOf("alice"), 0);
    fail("alice");
    assert.equal(waitOf("alice"), 2);
    advance(1);
    assert.equal(waitOf("alice"), 1);
    advance(1);
    fail("alice");
    assert.equal(waitOf("alice"), 4);
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      advance(waitOf("alice"));
      fail("alice");
      waits.push(waitOf("alice"));
    }
    assert.deepEqual(waits, [8, 16, 30, 30, 30, 30]);
  });

  it("refuses the right password too while a wait runs, and lets it in when the wait is over", () => {
    const { waitOf, fail, attempt, advance } = setup();
    for (let i = 0; i < 3; i++) fail("alice");
    assert.equal(waitOf("alice"), 2);
    advance(2);
    attempt("alice").succeeded();
    // Success clears the user's failures (not the client's): three free ones again, from another client.
    for (let i = 0; i < 2; i++) fail("alice", "192.0.2.50");
    assert.equal(waitOf("alice", "192.0.2.50"), 0);
  });

  it("counts each user apart: another user is not slowed by alice's failures", () => {
    const { waitOf, fail } = setup();
    for (let i = 0; i < 3; i++) fail("alice");
    assert.ok(waitOf("alice") > 0);
    assert.equal(waitOf("bob"), 0);
  });

  it("slows a client that fails across many users (password spraying), and success does not reset the client", () => {
    const { waitOf, fail, attempt } = setup();
    for (let i = 0; i < 4; i++) fail(`user-${i}`, "198.51.100.7");
    attempt("owner", "198.51.100.7").succeeded();
    fail("user-5", "198.51.100.7");
    assert.equal(waitOf("user-6", "198.51.100.7"), 2);
    // Other clients are not affected.
    assert.equal(waitOf("user-6", "198.51.100.8"), 0);
  });

  it("counts attempts still being checked, so a parallel burst gets no more tries than a sequential one", () => {
    const { throttle, advance } = setup();
    const burst = Array.from({ length: 20 }, () => throttle.begin("alice", "192.0.2.1"));
    const started = burst.filter((a): a is SignInAttempt => !("waitSeconds" in a));
    assert.equal(started.length, 3);
    assert.ok(burst.slice(3).every((a) => "waitSeconds" in a && a.waitSeconds > 0));
    for (const a of started) a.failed();
    assert.deepEqual(throttle.begin("alice", "192.0.2.1"), { waitSeconds: 2 });
    advance(2);
    // After the wait: one attempt at a time.
    const one = throttle.begin("alice", "192.0.2.1");
    assert.ok(!("waitSeconds" in one));
    assert.ok("waitSeconds" in throttle.begin("alice", "192.0.2.1"));
    one.failed();
  });

  it("does not count an attempt the backend could not check (service down), nor one ended twice", () => {
    const { waitOf, attempt, fail } = setup();
    for (let i = 0; i < 10; i++) attempt("alice").abandoned();
    assert.equal(waitOf("alice"), 0);
    const a = attempt("alice");
    a.failed();
    a.failed();
    fail("alice");
    assert.equal(waitOf("alice"), 0);
  });

  it("forgets a user after a quiet period, so nobody is locked out for good", () => {
    const { waitOf, fail, advance } = setup();
    for (let i = 0; i < 8; i++) {
      advance(waitOf("alice"));
      fail("alice");
    }
    assert.equal(waitOf("alice"), 30);
    advance(599);
    assert.equal(waitOf("alice"), 0);
    fail("alice");
    assert.ok(waitOf("alice") > 0, "not yet forgotten: the quiet period runs from the last failure");
    advance(600);
    fail("alice");
    fail("alice");
    assert.equal(waitOf("alice"), 0, "forgotten: three free failures again");
  });

  it("holds a bounded number of keys, dropping the least recently used idle ones first", () => {
    const { waitOf, fail } = setup(SETTINGS, 3);
    for (let i = 0; i < 3; i++) fail("alice", `192.0.2.${i}`);
    assert.ok(waitOf("alice", "192.0.2.9") > 0);
    for (const u of ["u1", "u2", "u3"]) fail(u, "192.0.2.9");
    assert.equal(waitOf("alice", "192.0.2.10"), 0, "alice was the oldest key and made room");
  });

  it("says how long to wait in AWS-like words", () => {
    assert.equal(throttledMessage(1), "Too many failed sign-in attempts. Wait 1 second and try again.");
    assert.equal(throttledMessage(16), "Too many failed sign-in attempts. Wait 16 seconds and try again.");
  });
});

describe("client address", () => {
  it("is the socket address Next.js put in X-Forwarded-For when no proxy is trusted", () => {
    assert.equal(clientAddress("203.0.113.9", 0), "203.0.113.9");
    assert.equal(clientAddress("::ffff:127.0.0.1", 0), "127.0.0.1");
    assert.equal(clientAddress("::1", 0), "::1");
    assert.equal(clientAddress(undefined, 0), undefined);
    assert.equal(clientAddress("", 0), undefined);
    assert.equal(clientAddress("not-an-address", 0), undefined);
  });

  it("with trusted proxies, is the entry the outermost trusted proxy wrote; what the client wrote before it is ignored", () => {
    assert.equal(clientAddress("6.6.6.6, 203.0.113.9", 1), "203.0.113.9");
    assert.equal(clientAddress("6.6.6.6, 203.0.113.9, 10.0.0.2", 2), "203.0.113.9");
    assert.equal(clientAddress(["6.6.6.6", "203.0.113.9"], 1), "203.0.113.9");
    assert.equal(clientAddress("203.0.113.9", 3), "203.0.113.9");
    assert.equal(clientAddress("[2001:db8::1]:443", 1), "2001:db8::1");
  });

  it("counts an IPv6 client by its /64, an IPv4 client by its address", () => {
    assert.equal(clientKey("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
    assert.equal(clientKey("2001:0db8:0001:0002:ffff:0:0:9"), "2001:db8:1:2::/64");
    assert.equal(clientKey("2001:db8::1"), "2001:db8:0:0::/64");
    assert.equal(clientKey("::1"), "0:0:0:0::/64");
    assert.equal(clientKey("203.0.113.9"), "203.0.113.9");
    assert.equal(clientKey(undefined), "unknown");
  });
});
