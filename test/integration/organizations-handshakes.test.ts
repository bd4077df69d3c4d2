import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as O from "@aws-sdk/client-organizations";
import { startHarness, type Harness } from "../helpers/local-aws";
import { createMember, createOrganization, orgError, rootClients, standaloneAccount } from "../helpers/organizations";
import { ACCOUNT } from "../helpers/iam-user";

const NOT_FOUND = {
  name: "HandshakeNotFoundException",
  message: "We can't find a handshake with the HandshakeId that you specified.",
  status: 400,
};

describe("Organizations: handshakes between this world's accounts", () => {
  let h: Harness;
  let rootId: string;
  let orgId: string;
  before(async () => (h = await startHarness({ createAccountSeconds: 0, createdAccountMinAgeSeconds: 0, accountsPerOrganization: 3 })));
  after(async () => h.stop());
  beforeEach(async () => {
    await h.reset();
    rootId = await createOrganization(h, undefined, ["SERVICE_CONTROL_POLICY"]);
    orgId = (await h.organizations.send(new O.DescribeOrganizationCommand({}))).Organization!.Id!;
  });

  const invite = (Target: O.HandshakeParty, extra: Partial<O.InviteAccountToOrganizationRequest> = {}) =>
    h.organizations.send(new O.InviteAccountToOrganizationCommand({ Target, ...extra }));

  it("invites an account by ID; the invited account sees, accepts and joins INVITED, with FullAWSAccess and no role", async () => {
    const partner = await standaloneAccount(h);
    const { Handshake } = await invite(
      { Type: "ACCOUNT", Id: partner.accountId },
      { Notes: "Join us", Tags: [{ Key: "from", Value: "invite" }] },
    );
    assert.match(Handshake!.Id!, /^h-[0-9a-z]{8,32}$/);
    assert.equal(Handshake!.Arn, `arn:aws:organizations::${ACCOUNT}:handshake/${orgId}/invite/${Handshake!.Id}`);
    assert.equal(Handshake!.Action, "INVITE");
    assert.equal(Handshake!.State, "OPEN");
    assert.deepEqual(Handshake!.Parties, [
      { Id: orgId, Type: "ORGANIZATION" },
      { Id: partner.accountId, Type: "ACCOUNT" },
    ]);
    assert.deepEqual(Handshake!.Resources, [
      {
        Type: "ORGANIZATION",
        Value: orgId,
        Resources: [
          { Type: "MASTER_EMAIL", Value: h.config.rootEmail },
          { Type: "MASTER_NAME", Value: h.config.accountName },
          { Type: "ORGANIZATION_FEATURE_SET", Value: "ALL" },
        ],
      },
      { Type: "ACCOUNT", Value: partner.accountId },
      { Type: "NOTES", Value: "Join us" },
    ]);
    assert.equal(Handshake!.ExpirationTimestamp!.getTime() - Handshake!.RequestedTimestamp!.getTime(), 15 * 24 * 3600 * 1000);

    const mine = await partner.organizations.send(new O.ListHandshakesForAccountCommand({}));
    assert.deepEqual(
      mine.Handshakes!.map((x) => x.Id),
      [Handshake!.Id],
    );
    const described = await partner.organizations.send(new O.DescribeHandshakeCommand({ HandshakeId: Handshake!.Id }));
    assert.deepEqual(described.Handshake, Handshake);

    const accepted = await partner.organizations.send(new O.AcceptHandshakeCommand({ HandshakeId: Handshake!.Id }));
    assert.equal(accepted.Handshake!.State, "ACCEPTED");
    const { Account } = await h.organizations.send(new O.DescribeAccountCommand({ AccountId: partner.accountId }));
    assert.deepEqual([Account!.JoinedMethod, Account!.Email, Account!.Name], ["INVITED", partner.email, "Partner"]);
    const scps = await h.organizations.send(
      new O.ListPoliciesForTargetCommand({ TargetId: partner.accountId, Filter: "SERVICE_CONTROL_POLICY" }),
    );
    assert.deepEqual(
      scps.Policies!.map((p) => p.Id),
      ["p-FullAWSAccess"],
    );
    assert.deepEqual((await h.organizations.send(new O.ListTagsForResourceCommand({ ResourceId: partner.accountId }))).Tags, [
      { Key: "from", Value: "invite" },
    ]);
    const roles = h.aws.db.prepare("SELECT COUNT(*) AS n FROM roles WHERE account_id = ?").get(partner.accountId);
    assert.deepEqual(roles, { n: 0 });
    const parents = await h.organizations.send(new O.ListParentsCommand({ ChildId: partner.accountId }));
    assert.deepEqual(parents.Parents, [{ Id: rootId, Type: "ROOT" }]);

    assert.deepEqual(await orgError(partner.organizations.send(new O.AcceptHandshakeCommand({ HandshakeId: Handshake!.Id }))), {
      name: "HandshakeAlreadyInStateException",
      message:
        "The specified handshake is already in the requested state. For example, you can't accept a handshake that was already accepted.",
      status: 400,
    });
    // Invited accounts are not held to the wait period.
    await partner.organizations.send(new O.LeaveOrganizationCommand({}));
  });

  it("invites by the email of a local account; the invited account declines", async () => {
    const partner = await standaloneAccount(h);
    const { Handshake } = await invite({ Type: "EMAIL", Id: partner.email.toUpperCase() });
    assert.deepEqual(Handshake!.Parties![1], { Id: partner.email.toUpperCase(), Type: "EMAIL" });
    const declined = await partner.organizations.send(new O.DeclineHandshakeCommand({ HandshakeId: Handshake!.Id }));
    assert.equal(declined.Handshake!.State, "DECLINED");
    assert.deepEqual(await orgError(partner.organizations.send(new O.AcceptHandshakeCommand({ HandshakeId: Handshake!.Id }))), {
      name: "InvalidHandshakeTransitionException",
      message:
        "You can't perform the operation on the handshake in its current state. For example, you can't cancel a handshake that was already accepted or accept a handshake that was already declined.",
      status: 400,
    });
    // A declined invitation may be sent again.
    await invite({ Type: "ACCOUNT", Id: partner.accountId });
  });

  it("lets the management account cancel; keeps others out of the handshake", async () => {
    const partner = await standaloneAccount(h);
    const stranger = await standaloneAccount(h);
    const { Handshake } = await invite({ Type: "ACCOUNT", Id: partner.accountId });
    assert.deepEqual(
      await orgError(stranger.organizations.send(new O.DescribeHandshakeCommand({ HandshakeId: Handshake!.Id }))),
      NOT_FOUND,
    );
    assert.deepEqual(await orgError(stranger.organizations.send(new O.AcceptHandshakeCommand({ HandshakeId: Handshake!.Id }))), NOT_FOUND);
    assert.deepEqual((await stranger.organizations.send(new O.ListHandshakesForAccountCommand({}))).Handshakes, []);
    assert.equal(
      (await orgError(partner.organizations.send(new O.CancelHandshakeCommand({ HandshakeId: Handshake!.Id })))).name,
      "AccessDeniedException",
    );

    const listed = await h.organizations.send(new O.ListHandshakesForOrganizationCommand({ Filter: { ActionType: "INVITE" } }));
    assert.deepEqual(
      listed.Handshakes!.map((x) => x.Id),
      [Handshake!.Id],
    );
    const canceled = await h.organizations.send(new O.CancelHandshakeCommand({ HandshakeId: Handshake!.Id }));
    assert.equal(canceled.Handshake!.State, "CANCELED");
    assert.equal(
      (await orgError(h.organizations.send(new O.CancelHandshakeCommand({ HandshakeId: Handshake!.Id })))).name,
      "HandshakeAlreadyInStateException",
    );
    assert.equal(
      (await orgError(partner.organizations.send(new O.AcceptHandshakeCommand({ HandshakeId: Handshake!.Id })))).name,
      "InvalidHandshakeTransitionException",
    );
    const both = new O.ListHandshakesForOrganizationCommand({ Filter: { ActionType: "INVITE", ParentHandshakeId: "h-0123456789" } });
    assert.deepEqual(await orgError(h.organizations.send(both)), {
      name: "InvalidInputException",
      message: "You can specify only one filter parameter for the operation.",
      reason: "MAX_LIMIT_EXCEEDED_FILTER",
      status: 400,
    });
  });

  it("refuses duplicate invitations, members of an organization, bad targets, and invitations past the account quota", async () => {
    const partner = await standaloneAccount(h);
    await invite({ Type: "ACCOUNT", Id: partner.accountId });
    assert.equal((await orgError(invite({ Type: "EMAIL", Id: partner.email }))).name, "DuplicateHandshakeException");
    const { accountId } = await createMember(h);
    assert.deepEqual(await orgError(invite({ Type: "ACCOUNT", Id: accountId })), {
      name: "HandshakeConstraintViolationException",
      message: "The handshake request is invalid because the invited account is already a member of an organization.",
      reason: "ALREADY_IN_AN_ORGANIZATION",
      status: 400,
    });
    assert.equal((await orgError(invite({ Type: "ORGANIZATION", Id: orgId }))).reason, "INVALID_PARTY_TYPE_TARGET");
    assert.equal((await orgError(invite({ Type: "EMAIL", Id: "nobody" }))).reason, "INVALID_EMAIL_ADDRESS_TARGET");
    // Quota 3: the management account, the member and the open invitation.
    assert.deepEqual(await orgError(invite({ Type: "ACCOUNT", Id: (await standaloneAccount(h)).accountId })), {
      name: "HandshakeConstraintViolationException",
      message:
        "You attempted to exceed the limit on the number of accounts in an organization. Note that deleted and closed accounts still count toward your limit.",
      reason: "ACCOUNT_NUMBER_LIMIT_EXCEEDED",
      status: 400,
    });
  });

  it("expires an invitation after its 15 days", async () => {
    const partner = await standaloneAccount(h);
    const { Handshake } = await invite({ Type: "ACCOUNT", Id: partner.accountId });
    // Fifteen days pass.
    h.aws.db
      .prepare("UPDATE org_handshakes SET expiration = ? WHERE handshake_id = ?")
      .run(new Date(Date.now() - 1000).toISOString(), Handshake!.Id);
    const { Handshake: later } = await partner.organizations.send(new O.DescribeHandshakeCommand({ HandshakeId: Handshake!.Id }));
    assert.equal(later!.State, "EXPIRED");
    assert.equal(
      (await orgError(partner.organizations.send(new O.AcceptHandshakeCommand({ HandshakeId: Handshake!.Id })))).name,
      "InvalidHandshakeTransitionException",
    );
    await invite({ Type: "ACCOUNT", Id: partner.accountId });
  });

  it("refuses an invitation to an account that joined another organization meanwhile", async () => {
    const partner = await standaloneAccount(h);
    const { Handshake } = await invite({ Type: "ACCOUNT", Id: partner.accountId });
    await partner.organizations.send(new O.CreateOrganizationCommand({}));
    assert.equal(
      (await orgError(partner.organizations.send(new O.AcceptHandshakeCommand({ HandshakeId: Handshake!.Id })))).reason,
      "ALREADY_IN_AN_ORGANIZATION",
    );
  });

  it("moves a consolidated-billing organization to all features once invited members agree", async () => {
    await h.organizations.send(new O.DeleteOrganizationCommand({}));
    await createOrganization(h, "CONSOLIDATED_BILLING");
    const partner = await standaloneAccount(h);
    const { Handshake: invitation } = await invite({ Type: "ACCOUNT", Id: partner.accountId });
    assert.equal(invitation!.Resources![0].Resources!.at(-1)!.Value, "CONSOLIDATED_BILLING");
    await partner.organizations.send(new O.AcceptHandshakeCommand({ HandshakeId: invitation!.Id }));

    const { Handshake: request } = await h.organizations.send(new O.EnableAllFeaturesCommand({}));
    assert.deepEqual([request!.Action, request!.State], ["ENABLE_ALL_FEATURES", "REQUESTED"]);
    assert.equal(
      (await orgError(h.organizations.send(new O.EnableAllFeaturesCommand({})))).reason,
      "ORGANIZATION_IS_ALREADY_PENDING_ALL_FEATURES_MIGRATION",
    );
    assert.equal(
      (await orgError(invite({ Type: "ACCOUNT", Id: (await standaloneAccount(h)).accountId }))).reason,
      "INVITE_DISABLED_DURING_ENABLE_ALL_FEATURES",
    );

    const asked = await partner.organizations.send(
      new O.ListHandshakesForAccountCommand({ Filter: { ActionType: "ENABLE_ALL_FEATURES" } }),
    );
    assert.equal(asked.Handshakes!.length, 1);
    await partner.organizations.send(new O.AcceptHandshakeCommand({ HandshakeId: asked.Handshakes![0].Id }));

    const approval = await h.organizations.send(new O.ListHandshakesForAccountCommand({ Filter: { ActionType: "APPROVE_ALL_FEATURES" } }));
    assert.equal(approval.Handshakes!.length, 1);
    await h.organizations.send(new O.AcceptHandshakeCommand({ HandshakeId: approval.Handshakes![0].Id }));
    const { Organization } = await h.organizations.send(new O.DescribeOrganizationCommand({}));
    assert.equal(Organization!.FeatureSet, "ALL");
    const children = await h.organizations.send(new O.ListHandshakesForOrganizationCommand({ Filter: { ParentHandshakeId: request!.Id } }));
    assert.deepEqual(
      children.Handshakes!.map((x) => [x.Action, x.State]),
      [
        ["ENABLE_ALL_FEATURES", "ACCEPTED"],
        ["APPROVE_ALL_FEATURES", "ACCEPTED"],
      ],
    );
    assert.equal(
      (await orgError(h.organizations.send(new O.EnableAllFeaturesCommand({})))).reason,
      "ORGANIZATION_ALREADY_HAS_ALL_FEATURES",
    );
  });

  it("lets a member account ask only for its own handshakes", async () => {
    const { accountId } = await createMember(h);
    const member = rootClients(h, accountId);
    assert.deepEqual((await member.organizations.send(new O.ListHandshakesForAccountCommand({}))).Handshakes, []);
    assert.equal((await orgError(member.organizations.send(new O.ListHandshakesForOrganizationCommand({})))).name, "AccessDeniedException");
  });
});
