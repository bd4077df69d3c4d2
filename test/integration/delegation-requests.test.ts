import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as I from "@aws-sdk/client-iam";
import { awsError, startHarness, unique, type Harness } from "../helpers/local-aws";
import { standaloneAccount } from "../helpers/organizations";
import { ACCOUNT, allow, iamUser, policy } from "../helpers/iam-user";

const invalid = (message: string) => ({ name: "InvalidInputException", message, status: 400 });

describe("IAM temporary delegation requests", () => {
  let h: Harness;
  let partner: Awaited<ReturnType<typeof standaloneAccount>>;
  before(async () => (h = await startHarness()));
  after(async () => h.stop());
  beforeEach(async () => {
    await h.reset();
    partner = await standaloneAccount(h);
  });

  const create = async (input: Partial<I.CreateDelegationRequestCommandInput> = {}) => {
    const out = await partner.iam.send(
      new I.CreateDelegationRequestCommand({
        Description: "Deploy the monitoring stack",
        Permissions: {
          PolicyTemplateArn: "arn:aws:iam::aws:policy-template/Example",
          Parameters: [{ Name: "BucketName", Values: ["logs"], Type: "string" }],
        },
        RequestorWorkflowId: unique("workflow"),
        NotificationChannel: `arn:aws:sns:us-east-1:${partner.accountId}:delegation`,
        SessionDuration: 3600,
        ...input,
      }),
    );
    return out.DelegationRequestId!;
  };
  const get = async (id: string, iam = h.iam) =>
    (await iam.send(new I.GetDelegationRequestCommand({ DelegationRequestId: id }))).DelegationRequest!;
  const admin = () => iamUser(h, { prefix: "approver", managed: ["IAMFullAccess"] });

  it("creates a request the customer claims, forwards, approves and releases", async () => {
    const id = await create({ OwnerAccountId: ACCOUNT, RequestMessage: "second try", RedirectUrl: "https://partner.example.com/done" });
    assert.match(id, /^[\w-]{16,128}$/);
    const created = await get(id);
    assert.equal(created.State, "UNASSIGNED");
    assert.equal(created.RequestorId, partner.accountId);
    assert.equal(created.OwnerAccountId, ACCOUNT);
    assert.equal(created.SessionDuration, 3600);
    assert.equal(created.OnlySendByOwner, false);
    assert.deepEqual(created.Permissions!.Parameters, [{ Name: "BucketName", Values: ["logs"], Type: "string" }]);
    assert.ok(created.ExpirationTime! > created.CreateDate!);
    assert.deepEqual((await h.iam.send(new I.ListDelegationRequestsCommand({}))).DelegationRequests, []);

    const owner = await iamUser(h, { prefix: "owner", inline: policy(allow("iam:AssociateDelegationRequest")) });
    await owner.iam.send(new I.AssociateDelegationRequestCommand({ DelegationRequestId: id }));
    const assigned = await get(id, owner.iam);
    assert.deepEqual([assigned.State, assigned.OwnerId], ["ASSIGNED", owner.arn]);
    await owner.iam.send(new I.UpdateDelegationRequestCommand({ DelegationRequestId: id, Notes: "please approve" }));
    const listed = await h.iam.send(new I.ListDelegationRequestsCommand({ OwnerId: owner.arn }));
    assert.deepEqual(
      listed.DelegationRequests!.map((r) => [r.DelegationRequestId, r.State, r.Notes]),
      [[id, "PENDING_APPROVAL", "please approve"]],
    );
    assert.equal(listed.isTruncated, false);

    const approver = await admin();
    await approver.iam.send(new I.AcceptDelegationRequestCommand({ DelegationRequestId: id }));
    const accepted = await get(id);
    assert.deepEqual([accepted.State, accepted.ApproverId], ["ACCEPTED", approver.arn]);
    await approver.iam.send(new I.SendDelegationTokenCommand({ DelegationRequestId: id }));
    assert.equal((await get(id)).State, "FINALIZED");
    assert.deepEqual(
      await awsError(approver.iam.send(new I.SendDelegationTokenCommand({ DelegationRequestId: id }))),
      invalid(`The delegation request ${id} cannot be finalized in its current state: FINALIZED.`),
    );
  });

  it("rejects with a reason, after which the request cannot be accepted", async () => {
    const id = await create();
    await h.iam.send(new I.AssociateDelegationRequestCommand({ DelegationRequestId: id }));
    const claimed = await get(id);
    assert.deepEqual([claimed.OwnerAccountId, claimed.OwnerId], [ACCOUNT, `arn:aws:iam::${ACCOUNT}:root`]);
    await h.iam.send(new I.RejectDelegationRequestCommand({ DelegationRequestId: id, Notes: "too broad" }));
    const rejected = await get(id);
    assert.deepEqual([rejected.State, rejected.RejectionReason], ["REJECTED", "too broad"]);
    assert.deepEqual(
      await awsError(h.iam.send(new I.AcceptDelegationRequestCommand({ DelegationRequestId: id }))),
      invalid(`The delegation request ${id} cannot be accepted in its current state: REJECTED.`),
    );
  });

  it("keeps the root user to requests of 4 hours or less, and OnlySendByOwner to the owner", async () => {
    const long = await create({ SessionDuration: 5 * 3600 });
    await h.iam.send(new I.AssociateDelegationRequestCommand({ DelegationRequestId: long }));
    assert.deepEqual(
      await awsError(h.iam.send(new I.AcceptDelegationRequestCommand({ DelegationRequestId: long }))),
      invalid("The root user can only accept delegation requests with a session duration of 4 hours or less."),
    );
    const ownerOnly = await create({ OnlySendByOwner: true });
    await h.iam.send(new I.AssociateDelegationRequestCommand({ DelegationRequestId: ownerOnly }));
    const approver = await admin();
    await approver.iam.send(new I.AcceptDelegationRequestCommand({ DelegationRequestId: ownerOnly }));
    const denied = await awsError(approver.iam.send(new I.SendDelegationTokenCommand({ DelegationRequestId: ownerOnly })));
    assert.deepEqual([denied.name, denied.status], ["AccessDenied", 403]);
    await h.iam.send(new I.SendDelegationTokenCommand({ DelegationRequestId: ownerOnly }));
    assert.equal((await get(ownerOnly)).State, "FINALIZED");
  });

  it("hides a request from accounts other than its owner account and requestor", async () => {
    const id = await create({ OwnerAccountId: ACCOUNT });
    const other = await standaloneAccount(h);
    const hidden = { name: "NoSuchEntityException", message: `The delegation request with ID ${id} cannot be found.`, status: 404 };
    assert.deepEqual(await awsError(get(id, other.iam)), hidden);
    assert.deepEqual(await awsError(other.iam.send(new I.AssociateDelegationRequestCommand({ DelegationRequestId: id }))), hidden);
    assert.equal((await get(id, partner.iam)).State, "UNASSIGNED");
    const missing = "0123456789abcdef0123";
    assert.equal((await awsError(get(missing))).name, "NoSuchEntityException");
  });

  it("validates what the partner sends", async () => {
    assert.deepEqual(
      await awsError(create({ NotificationChannel: "not-a-topic" })),
      invalid("NotificationChannel not-a-topic is not a valid SNS topic ARN."),
    );
    const workflow = unique("workflow");
    await create({ RequestorWorkflowId: workflow });
    assert.deepEqual(await awsError(create({ RequestorWorkflowId: workflow })), {
      name: "EntityAlreadyExistsException",
      message: `A delegation request with RequestorWorkflowId ${workflow} already exists.`,
      status: 409,
    });
    assert.deepEqual(await awsError(create({ SessionDuration: 60 })), {
      name: "ValidationError",
      message:
        "1 validation error detected: Value '60' at 'sessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 300",
      status: 400,
    });
  });

  it("summarizes a delegation request in words, and no other entity", async () => {
    const id = await create({ RequestMessage: "for the dashboards" });
    const arn = `arn:aws:iam::${ACCOUNT}:delegation-request/${id}`;
    const out = await h.iam.send(new I.GetHumanReadableSummaryCommand({ EntityArn: arn }));
    assert.equal(out.SummaryState, "AVAILABLE");
    assert.match(out.SummaryContent!, /Deploy the monitoring stack/);
    assert.match(out.SummaryContent!, /1 hour\(s\)/);
    assert.equal(
      (await h.iam.send(new I.GetHumanReadableSummaryCommand({ EntityArn: arn, Locale: "ja-JP" }))).SummaryState,
      "NOT_SUPPORTED",
    );
    const role = `arn:aws:iam::${ACCOUNT}:role/Admin`;
    assert.deepEqual(
      await awsError(h.iam.send(new I.GetHumanReadableSummaryCommand({ EntityArn: role }))),
      invalid(`Entity ${role} is not supported. The only supported entity type is delegation-request.`),
    );
  });

  it("authorizes on the request's ARN, and lets its owner read and update it without a policy", async () => {
    const id = await create();
    const arn = `arn:aws:iam::${ACCOUNT}:delegation-request/${id}`;
    const nobody = await iamUser(h);
    assert.deepEqual(await awsError(nobody.iam.send(new I.AssociateDelegationRequestCommand({ DelegationRequestId: id }))), {
      name: "AccessDenied",
      message: `User: ${nobody.arn} is not authorized to perform: iam:AssociateDelegationRequest on resource: ${arn} because no identity-based policy allows the iam:AssociateDelegationRequest action`,
      status: 403,
    });
    assert.equal((await awsError(get(id, nobody.iam))).name, "AccessDenied");
    const owner = await iamUser(h, {
      inline: policy(allow("iam:AssociateDelegationRequest")),
    });
    await owner.iam.send(new I.AssociateDelegationRequestCommand({ DelegationRequestId: id }));
    assert.equal((await get(id, owner.iam)).State, "ASSIGNED");
    await owner.iam.send(new I.UpdateDelegationRequestCommand({ DelegationRequestId: id }));
    assert.equal((await awsError(owner.iam.send(new I.AcceptDelegationRequestCommand({ DelegationRequestId: id })))).name, "AccessDenied");
    const scoped = await iamUser(h, {
      inline: policy(allow("iam:GetDelegationRequest", "*", { StringEquals: { "iam:DelegationRequestOwner": owner.arn } })),
    });
    assert.equal((await get(id, scoped.iam)).State, "PENDING_APPROVAL");
  });
});
