import "../helpers/server-only";
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { CreateLoginProfileCommand, CreateUserCommand } from "@aws-sdk/client-iam";
import { startHarness, unique, type Harness } from "../helpers/local-aws";
import { signIn, SignInError } from "../../lib/server/sign-in";

const PASSWORD = "Console-throttle-Passw0rd-1";
const INCORRECT = "Your authentication information is incorrect. Please try again.";
const THROTTLED = /^Too many failed sign-in attempts\. Wait (\d+) seconds? and try again\.$/;

describe("the console's sign-in service slows repeated failures and passes local-aws's own throttling on", () => {
  let h: Harness;
  // local-aws throttles each end client after 3 failures (and users only after many), on a clock that stands still.
  const localAwsThrottle = {
    userFailures: 100,
    clientFailures: 3,
    delayMs: 60_000,
    maxDelayMs: 60_000,
    forgetMs: 15 * 60_000,
    now: () => 0,
  };
  before(async () => {
    h = await startHarness({ signInThrottle: localAwsThrottle });
    process.env.CLEF_AWS_ENDPOINT = h.aws.url;
    process.env.CLEF_SIGNIN_THROTTLE_USER_FAILURES = "2";
    process.env.CLEF_SIGNIN_THROTTLE_CLIENT_FAILURES = "50";
    process.env.CLEF_SIGNIN_THROTTLE_BASE_SECONDS = "30";
  });
  after(async () => h.stop());

  async function newUser() {
    const userName = unique("console-throttle");
    await h.iam.send(new CreateUserCommand({ UserName: userName }));
    await h.iam.send(new CreateLoginProfileCommand({ UserName: userName, Password: PASSWORD }));
    return userName;
  }
  const asUser = (userName: string, password: string) => ({ type: "iam" as const, account: "000000000000", userName, password });
  const failure = (p: Promise<unknown>) =>
    p.then(
      () => assert.fail("signed in"),
      (err: unknown) => (assert.ok(err instanceof SignInError), err.message),
    );

  it("refuses a user's next attempt after their free failures, even with the right password", async () => {
    const userName = await newUser();
    assert.equal(await failure(signIn(asUser(userName, "wrong-1"), "192.0.2.1")), INCORRECT);
    assert.equal(await failure(signIn(asUser(userName, "wrong-2"), "192.0.2.2")), INCORRECT);
    const refused = await failure(signIn(asUser(userName, PASSWORD), "192.0.2.3"));
    assert.match(refused, THROTTLED);
    assert.equal(THROTTLED.exec(refused)![1], "30");
    // Case does not make another user: IAM user names are unique without regard to case.
    assert.match(await failure(signIn(asUser(userName.toUpperCase(), PASSWORD), "192.0.2.3")), THROTTLED);
  });

  it("sends the end client's address to local-aws, and shows local-aws's 429 words as they are", async () => {
    const client = "198.51.100.20";
    for (let i = 0; i < 3; i++) assert.equal(await failure(signIn(asUser(await newUser(), "wrong"), client)), INCORRECT);
    const userName = await newUser();
    assert.match(await failure(signIn(asUser(userName, PASSWORD), client)), THROTTLED);
    // Another end client is not held back by local-aws: it saw two clients, not the console's one address.
    const principal = await signIn(asUser(userName, PASSWORD), "198.51.100.21");
    assert.equal(principal.userName, userName);
  });
});
