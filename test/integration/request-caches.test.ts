import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { CreateAccessKeyCommand, CreateUserCommand, GetUserCommand, UpdateAccessKeyCommand } from "@aws-sdk/client-iam";
import { CreateAccountCommand, DescribeCreateAccountStatusCommand } from "@aws-sdk/client-organizations";
import { awsError, startHarness, unique, type Harness } from "../helpers/local-aws";
import { createOrganization } from "../helpers/organizations";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";

/**
 * What local-aws keeps between requests — an access key's row, and when deferred work next falls due — is kept only
 * while the store is unchanged: every write, rollback, reset or restore drops it.
 */
describe("request caches: never trusted past a change to the store", () => {
  let h: Harness;
  before(async () => (h = await startHarness({ createAccountSeconds: 1 })));
  after(async () => h.stop());

  async function userWithKey() {
    const name = unique("cached");
    await h.iam.send(new CreateUserCommand({ UserName: name }));
    const { AccessKey } = await h.iam.send(new CreateAccessKeyCommand({ UserName: name }));
    const c = h.client(AccessKey!.AccessKeyId!, AccessKey!.SecretAccessKey!);
    return { name, key: AccessKey!, sts: c.sts };
  }

  it("refuses a key at once when it is deactivated after reads have used it", async () => {
    const u = await userWithKey();
    for (let i = 0; i < 3; i++) assert.match((await u.sts.send(new GetCallerIdentityCommand({}))).Arn!, new RegExp(`:user/${u.name}$`));
    await h.iam.send(new UpdateAccessKeyCommand({ UserName: u.name, AccessKeyId: u.key.AccessKeyId!, Status: "Inactive" }));
    const err = await awsError(u.sts.send(new GetCallerIdentityCommand({})));
    assert.equal(err.name, "InvalidClientTokenId");
  });

  it("refuses a key at once after /_clef/reset removed it", async () => {
    const u = await userWithKey();
    assert.match((await u.sts.send(new GetCallerIdentityCommand({}))).Arn!, new RegExp(`:user/${u.name}$`));
    await h.reset();
    const err = await awsError(u.sts.send(new GetCallerIdentityCommand({})));
    assert.equal(err.name, "InvalidClientTokenId");
  });

  it("completes a CreateAccount request that falls due while only reads and failing requests arrive", async () => {
    await h.reset();
    await createOrganization(h);
    const { CreateAccountStatus } = await h.organizations.send(
      new CreateAccountCommand({ Email: "later@example.com", AccountName: "Later" }),
    );
    const status = async () =>
      (await h.organizations.send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: CreateAccountStatus!.Id! })))
        .CreateAccountStatus!;
    // A read before the request falls due: nothing to settle, and nothing due before the request's time.
    assert.equal((await status()).State, "IN_PROGRESS");
    await sleep(1200);
    // The first request after that settles it in its own transaction, then fails: its rollback undoes the completion...
    assert.equal((await awsError(h.iam.send(new GetUserCommand({ UserName: unique("nobody") })))).name, "NoSuchEntityException");
    // ...so the next request must settle it again, not take it as settled.
    const done = await status();
    assert.equal(done.State, "SUCCEEDED");
    assert.match(done.AccountId!, /^\d{12}$/);
  });
});
