import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeleteUserCommand,
  GetAccessKeyLastUsedCommand,
  ListAccessKeysCommand,
  PutUserPolicyCommand,
  UpdateAccessKeyCommand,
} from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { awsError, startHarness, unique, type Harness } from "../helpers/local-aws";

const ACCOUNT = "000000000000";
const invalidToken = { name: "InvalidClientTokenId", message: "The security token included in the request is invalid.", status: 403 };

describe("IAM access keys", () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.stop());

  const newUser = async () => {
    const name = unique("ak");
    const { User } = await h.iam.send(new CreateUserCommand({ UserName: name }));
    return { name, id: User!.UserId!, arn: User!.Arn! };
  };
  const newKey = async (UserName?: string) => (await h.iam.send(new CreateAccessKeyCommand({ UserName }))).AccessKey!;

  it("creates a key with AWS's ID and secret shapes and lists it without the secret", async () => {
    const { name } = await newUser();
    const key = await newKey(name);
    assert.match(key.AccessKeyId!, /^AKIA[A-Z0-9]{16}$/);
    assert.equal(key.SecretAccessKey!.length, 40);
    assert.equal(key.Status, "Active");
    assert.equal(key.UserName, name);
    assert.ok(key.CreateDate instanceof Date);
    const { AccessKeyMetadata, IsTruncated } = await h.iam.send(new ListAccessKeysCommand({ UserName: name }));
    assert.equal(IsTruncated, false);
    assert.deepEqual(AccessKeyMetadata, [{ UserName: name, AccessKeyId: key.AccessKeyId, Status: "Active", CreateDate: key.CreateDate }]);
  });

  it("allows two keys per user, then LimitExceeded (409), and paginates the list", async () => {
    const { name } = await newUser();
    const first = await newKey(name);
    const second = await newKey(name);
    const e = await awsError(h.iam.send(new CreateAccessKeyCommand({ UserName: name })));
    assert.deepEqual(e, { name: "LimitExceededException", message: "Cannot exceed quota for AccessKeysPerUser: 2", status: 409 });
    const page1 = await h.iam.send(new ListAccessKeysCommand({ UserName: name, MaxItems: 1 }));
    assert.equal(page1.IsTruncated, true);
    const page2 = await h.iam.send(new ListAccessKeysCommand({ UserName: name, MaxItems: 1, Marker: page1.Marker }));
    assert.equal(page2.IsTruncated, false);
    const ids = [...page1.AccessKeyMetadata!, ...page2.AccessKeyMetadata!].map((k) => k.AccessKeyId).sort();
    assert.deepEqual(ids, [first.AccessKeyId, second.AccessKeyId].sort());
  });

  it("signs requests as the IAM user, and its caller defaults UserName to itself", async () => {
    const user = await newUser();
    const selfService = { Effect: "Allow", Action: ["iam:*AccessKey*"], Resource: "arn:aws:iam::*:user/${aws:username}" };
    const PolicyDocument = JSON.stringify({ Version: "2012-10-17", Statement: [selfService] });
    await h.iam.send(new PutUserPolicyCommand({ UserName: user.name, PolicyName: "own-keys", PolicyDocument }));
    const key = await newKey(user.name);
    const { sts, iam } = h.client(key.AccessKeyId!, key.SecretAccessKey!);
    const who = await sts.send(new GetCallerIdentityCommand({}));
    assert.deepEqual([who.Arn, who.UserId, who.Account], [user.arn, user.id, ACCOUNT]);
    const own = await iam.send(new ListAccessKeysCommand({}));
    assert.deepEqual(
      own.AccessKeyMetadata!.map((k) => k.AccessKeyId),
      [key.AccessKeyId],
    );
    const second = (await iam.send(new CreateAccessKeyCommand({}))).AccessKey!;
    assert.equal(second.UserName, user.name);
    await iam.send(new DeleteAccessKeyCommand({ AccessKeyId: second.AccessKeyId! }));
  });

  it("stops an Inactive key with InvalidClientTokenId (403) and lets it work again once Active", async () => {
    const { name } = await newUser();
    const key = await newKey(name);
    const { sts } = h.client(key.AccessKeyId!, key.SecretAccessKey!);
    await h.iam.send(new UpdateAccessKeyCommand({ UserName: name, AccessKeyId: key.AccessKeyId!, Status: "Inactive" }));
    const listed = await h.iam.send(new ListAccessKeysCommand({ UserName: name }));
    assert.equal(listed.AccessKeyMetadata![0].Status, "Inactive");
    assert.deepEqual(await awsError(sts.send(new GetCallerIdentityCommand({}))), invalidToken);
    await h.iam.send(new UpdateAccessKeyCommand({ UserName: name, AccessKeyId: key.AccessKeyId!, Status: "Active" }));
    assert.ok((await sts.send(new GetCallerIdentityCommand({}))).Arn);
  });

  it("deletes a key, which then no longer authenticates, and lets the user be deleted", async () => {
    const { name } = await newUser();
    const key = await newKey(name);
    const { sts } = h.client(key.AccessKeyId!, key.SecretAccessKey!);
    await sts.send(new GetCallerIdentityCommand({}));
    const conflict = await awsError(h.iam.send(new DeleteUserCommand({ UserName: name })));
    assert.equal(conflict.message, "Cannot delete entity, must delete access keys first.");
    await h.iam.send(new DeleteAccessKeyCommand({ UserName: name, AccessKeyId: key.AccessKeyId! }));
    assert.deepEqual(await awsError(sts.send(new GetCallerIdentityCommand({}))), invalidToken);
    assert.deepEqual((await h.iam.send(new ListAccessKeysCommand({ UserName: name }))).AccessKeyMetadata, []);
    await h.iam.send(new DeleteUserCommand({ UserName: name }));
  });

  it("reports unknown keys, keys of another user and unknown users with NoSuchEntity (404)", async () => {
    const alice = await newUser();
    const bob = await newUser();
    const bobKey = await newKey(bob.name);
    const missing = { name: "NoSuchEntityException", message: "The Access Key with id AKIAIOSFODNN7EXAMPLE cannot be found.", status: 404 };
    assert.deepEqual(
      await awsError(
        h.iam.send(new UpdateAccessKeyCommand({ UserName: alice.name, AccessKeyId: "AKIAIOSFODNN7EXAMPLE", Status: "Inactive" })),
      ),
      missing,
    );
    const crossed = await awsError(h.iam.send(new DeleteAccessKeyCommand({ UserName: alice.name, AccessKeyId: bobKey.AccessKeyId! })));
    assert.equal(crossed.message, `The Access Key with id ${bobKey.AccessKeyId} cannot be found.`);
    const rootless = await awsError(h.iam.send(new DeleteAccessKeyCommand({ AccessKeyId: bobKey.AccessKeyId! })));
    assert.equal(rootless.name, "NoSuchEntityException");
    const ghost = await awsError(h.iam.send(new CreateAccessKeyCommand({ UserName: "ghost-user" })));
    assert.deepEqual(ghost, { name: "NoSuchEntityException", message: "The user with name ghost-user cannot be found.", status: 404 });
    const badStatus = await awsError(
      h.iam.send(new UpdateAccessKeyCommand({ AccessKeyId: bobKey.AccessKeyId!, Status: "Paused" as "Active" })),
    );
    assert.equal(badStatus.name, "ValidationError");
  });

  it("reports last use as N/A until the key signs a call, then the service, region and date", async () => {
    const { name } = await newUser();
    const key = await newKey(name);
    const before = await h.iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key.AccessKeyId! }));
    assert.equal(before.UserName, name);
    assert.deepEqual(before.AccessKeyLastUsed, { ServiceName: "N/A", Region: "N/A" });
    await h.client(key.AccessKeyId!, key.SecretAccessKey!).sts.send(new GetCallerIdentityCommand({}));
    const used = await h.iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key.AccessKeyId! }));
    assert.equal(used.AccessKeyLastUsed!.ServiceName, "sts");
    assert.equal(used.AccessKeyLastUsed!.Region, "us-east-1");
    assert.ok(Math.abs(used.AccessKeyLastUsed!.LastUsedDate!.getTime() - Date.now()) < 60_000);
    const unknown = await awsError(h.iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: "AKIAIOSFODNN7EXAMPLE" })));
    assert.deepEqual(unknown, {
      name: "AccessDenied",
      message: `User: arn:aws:iam::${ACCOUNT}:root is not authorized to perform iam:GetAccessKeyLastUsed on resource: access key AKIAIOSFODNN7EXAMPLE`,
      status: 403,
    });
  });

  it("counts a successful call as the key's use, not a failed one, and a key asking about itself sees that very call", async () => {
    const { name } = await newUser();
    const key = await newKey(name);
    const policy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "iam:*", Resource: "*" }] };
    await h.iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: "all-iam", PolicyDocument: JSON.stringify(policy) }));
    const as = h.client(key.AccessKeyId!, key.SecretAccessKey!);
    await as.sts.send(new GetCallerIdentityCommand({}));
    const failed = await awsError(as.iam.send(new CreateAccessKeyCommand({ UserName: "ghost-user" })));
    assert.equal(failed.name, "NoSuchEntityException");
    const seen = await h.iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key.AccessKeyId! }));
    assert.equal(seen.AccessKeyLastUsed!.ServiceName, "sts");
    const own = await as.iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key.AccessKeyId! }));
    assert.equal(own.AccessKeyLastUsed!.ServiceName, "iam");
  });

  it("gives the root its own keys when UserName is omitted, within the same quota of two", async () => {
    const rootKey = await newKey();
    assert.equal(rootKey.UserName, undefined);
    const { sts } = h.client(rootKey.AccessKeyId!, rootKey.SecretAccessKey!);
    assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Arn, `arn:aws:iam::${ACCOUNT}:root`);
    const listed = (await h.iam.send(new ListAccessKeysCommand({}))).AccessKeyMetadata!;
    assert.deepEqual(listed.map((k) => k.AccessKeyId).sort(), [h.config.rootAccessKeyId, rootKey.AccessKeyId].sort());
    assert.ok(listed.every((k) => k.UserName === undefined));
    const e = await awsError(h.iam.send(new CreateAccessKeyCommand({})));
    assert.equal(e.message, "Cannot exceed quota for AccessKeysPerUser: 2");
    await h.iam.send(new DeleteAccessKeyCommand({ AccessKeyId: rootKey.AccessKeyId! }));
    assert.deepEqual(await awsError(sts.send(new GetCallerIdentityCommand({}))), invalidToken);
  });
});
