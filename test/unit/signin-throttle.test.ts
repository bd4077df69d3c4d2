import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { SIGNIN_THROTTLE, SignInThrottle, throttledMessage } from "../../local-aws/signin-throttle";

function throttle(overrides = {}) {
  let t = 1_000_000;
  const clock = { advance: (ms: number) => (t += ms) };
  const config = { userFailures: 3, clientFailures: 5, delayMs: 1000, maxDelayMs: 8000, forgetMs: 60_000, now: () => t, ...overrides };
  return { th: new SignInThrottle(config), clock };
}

const alice = { user: "000000000000/alice", client: "10.0.0.1" };

describe("SignInThrottle", () => {
  it("lets the first failures through, then holds the user back for a delay that doubles up to the cap", () => {
    const { th, clock } = throttle();
    for (let i = 0; i < 2; i++) {
      th.failed(alice);
      assert.equal(th.retryAfterMs(alice), 0);
    }
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      th.failed(alice);
      delays.push(th.retryAfterMs(alice));
      clock.advance(th.retryAfterMs(alice));
      assert.equal(th.retryAfterMs(alice), 0);
    }
    assert.deepEqual(delays, [1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it("holds back the user whatever the client, and the client whatever the user", () => {
    const { th } = throttle();
    for (let i = 0; i < 3; i++) th.failed(alice);
    assert.ok(th.retryAfterMs({ ...alice, client: "10.9.9.9" }) > 0, "another client, same user");
    const { th: t2 } = throttle();
    for (let i = 0; i < 5; i++) t2.failed({ user: `u${i}`, client: "10.0.0.1" });
    assert.ok(t2.retryAfterMs({ user: "someone-new", client: "10.0.0.1" }) > 0, "same client, a new user");
    assert.equal(t2.retryAfterMs({ user: "someone-new", client: "10.0.0.2" }), 0);
  });

  it("forgets failures after a quiet spell, and a success clears the user's count but not the client's", () => {
    const { th, clock } = throttle();
    for (let i = 0; i < 3; i++) th.failed(alice);
    clock.advance(60_001);
    assert.equal(th.retryAfterMs(alice), 0);
    th.failed(alice);
    assert.equal(th.retryAfterMs(alice), 0, "counting starts over");

    const { th: t2, clock: c2 } = throttle({ clientFailures: 4 });
    for (let i = 0; i < 3; i++) t2.failed(alice);
    c2.advance(t2.retryAfterMs(alice));
    t2.succeeded(alice);
    t2.failed(alice);
    assert.ok(t2.retryAfterMs({ ...alice, user: "bob" }) > 0, "the client's fourth failure holds it back");
    assert.equal(t2.retryAfterMs({ ...alice, client: "10.0.0.2" }), 0, "alice herself starts over");
  });

  it("words the refusal in whole seconds, at least one", () => {
    assert.deepEqual(throttledMessage(1), { seconds: 1, message: "Too many failed sign-in attempts. Wait 1 second and try again." });
    assert.deepEqual(throttledMessage(4001), { seconds: 5, message: "Too many failed sign-in attempts. Wait 5 seconds and try again." });
    assert.ok(SIGNIN_THROTTLE.maxDelayMs < SIGNIN_THROTTLE.forgetMs, "a hold always ends before the count is forgotten");
  });
});
