import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as O from "@aws-sdk/client-organizations";
import { startHarness, type Harness } from "../helpers/local-aws";
import { createMember, createOrganization, orgError, rootClients, standaloneAccount } from "../helpers/organizations";
import { ACCOUNT, allow, iamUser, policy } from "../helpers/iam-user";

const NOT_FOUND = { name: "ResponsibilityTransferNotFoundException", message: "We can't find a transfer that you specified.", status: 400 };

/** 23:59:59.999 UTC on the last day of the month of `d`. */
const endOfMonth = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - 1);

describe("Organizations: billing responsibility transfers", () => {
  let h: Harness;
  let orgId: string;
  before(async () => (h = await startHarness({ createAccountSeconds: 0, createdAccountMinAgeSeconds: 0 })));
  after(async () => h.stop());
  beforeEach(async () => {
    await h.reset();
    await createOrganization(h);
    orgId = (await h.organizations.send(new O.DescribeOrganizationCommand({}))).Organization!.Id!;
  });

  const START = new Date(Date.UTC(2030, 0, 1));

  const invite = (Target: O.HandshakeParty, extra: Partial<O.InviteOrganizationToTransferResponsibilityRequest> = {}) =>
    h.organizations.send(
      new O.InviteOrganizationToTransferResponsibilityCommand({
        Type: "BILLING",
        Target,
        StartTimestamp: START,
        SourceName: "Acme billing",
        ...extra,
      }),
    );

  /** A partner account that manages its own organization (the one invited to hand its billing over). */
  async function partnerOrganization() {
    const partner = await standaloneAccount(h);
    await partner.organizations.send(new O.CreateOrganizationCommand({}));
    const partnerOrgId = (await partner.organizations.send(new O.DescribeOrganizationCommand({}))).Organization!.Id!;
    return { ...partner, orgId: partnerOrgId };
  }

  const transferIdOf = (hs: O.Handshake) => hs.Resources!.find((r) => r.Type === "RESPONSIBILITY_TRANSFER")!.Value!;

  it("invites another organization's management account; it accepts, either side renames and withdraws the transfer", async () => {
    const partner = await partnerOrganization();
    const { Handshake } = await invite({ Type: "ACCOUNT", Id: partner.accountId }, { Notes: "Let us pay" });
    const id = transferIdOf(Handshake!);
    assert.match(id, /^rt-[0-9a-z]{8,32}$/);
    assert.equal(Handshake!.Arn, `arn:aws:organizations::${ACCOUNT}:handshake/${orgId}/transfer_responsibility/${Handshake!.Id}`);
    assert.equal(Handshake!.Action, "TRANSFER_RESPONSIBILITY");
    assert.equal(Handshake!.State, "OPEN");
    assert.deepEqual(Handshake!.Parties, [
      { Id: orgId, Type: "ORGANIZATION" },
      { Id: partner.accountId, Type: "ACCOUNT" },
    ]);
    assert.deepEqual(Handshake!.Resources, [
      {
        Type: "RESPONSIBILITY_TRANSFER",
        Value: id,
        Resources: [
          { Type: "TRANSFER_TYPE", Value: "BILLING" },
          { Type: "TRANSFER_START_TIMESTAMP", Value: START.toISOString() },
        ],
      },
      {
        Type: "MANAGEMENT_ACCOUNT",
        Value: ACCOUNT,
        Resources: [
          { Type: "MANAGEMENT_EMAIL", Value: h.config.rootEmail },
          { Type: "MANAGEMENT_NAME", Value: h.config.accountName },
        ],
      },
      { Type: "ACCOUNT", Value: partner.accountId },
      { Type: "NOTES", Value: "Let us pay" },
    ]);

    const requested = {
      Name: "Acme billing",
      Id: id,
      Type: "BILLING",
      Status: "REQUESTED",
      Source: { ManagementAccountId: partner.accountId, ManagementAccountEmail: partner.email },
      Target: { ManagementAccountId: ACCOUNT, ManagementAccountEmail: h.config.rootEmail },
      StartTimestamp: START,
      ActiveHandshakeId: Handshake!.Id,
    };
    const inboundArn = `arn:aws:organizations::${ACCOUNT}:transfer/${orgId}/billing/inbound/${id}`;
    const outboundArn = `arn:aws:organizations::${partner.accountId}:transfer/${partner.orgId}/billing/outbound/${id}`;
    const inbound = await h.organizations.send(new O.ListInboundResponsibilityTransfersCommand({ Type: "BILLING" }));
    assert.deepEqual(inbound.ResponsibilityTransfers, [{ Arn: inboundArn, ...requested }]);
    assert.equal(inbound.NextToken, undefined);
    assert.deepEqual(
      (await h.organizations.send(new O.ListOutboundResponsibilityTransfersCommand({ Type: "BILLING" }))).ResponsibilityTransfers,
      [],
    );
    const outbound = await partner.organizations.send(new O.ListOutboundResponsibilityTransfersCommand({ Type: "BILLING" }));
    assert.deepEqual(outbound.ResponsibilityTransfers, [{ Arn: outboundArn, ...requested }]);
    assert.deepEqual(
      (await partner.organizations.send(new O.ListInboundResponsibilityTransfersCommand({ Type: "BILLING" }))).ResponsibilityTransfers,
      [],
    );
    const theirs = await partner.organizations.send(
      new O.ListHandshakesForAccountCommand({ Filter: { ActionType: "TRANSFER_RESPONSIBILITY" } }),
    );
    assert.deepEqual(
      theirs.Handshakes!.map((x) => x.Id),
      [Handshake!.Id],
    );

    const accepted = await partner.organizations.send(new O.AcceptHandshakeCommand({ HandshakeId: Handshake!.Id }));
    assert.equal(accepted.Handshake!.State, "ACCEPTED");
    const described = await h.organizations.send(new O.DescribeResponsibilityTransferCommand({ Id: id }));
    assert.deepEqual(described.ResponsibilityTransfer, { Arn: inboundArn, ...requested, Status: "ACCEPTED" });
    // The partner stays in its own organization: nothing joins or moves.
    assert.equal((await partner.organizations.send(new O.DescribeOrganizationCommand({}))).Organization!.Id, partner.orgId);

    const renamed = await partner.organizations.send(new O.UpdateResponsibilityTransferCommand({ Id: id, Name: "Paid by Acme" }));
    assert.deepEqual(renamed.ResponsibilityTransfer, { Arn: outboundArn, ...requested, Status: "ACCEPTED", Name: "Paid by Acme" });

    const ended = await h.organizations.send(new O.TerminateResponsibilityTransferCommand({ Id: id }));
    // Without an end date, the transfer runs to the end of the month it starts in (or of the current one).
    assert.deepEqual(ended.ResponsibilityTransfer, {
      Arn: inboundArn,
      ...requested,
      Name: "Paid by Acme",
      Status: "WITHDRAWN",
      EndTimestamp: endOfMonth(START),
    });
    assert.deepEqual(await orgError(partner.organizations.send(new O.TerminateResponsibilityTransferCommand({ Id: id }))), {
      name: "ResponsibilityTransferAlreadyInStatusException",
      message: "The responsibility transfer is already in the status that you specified.",
      status: 400,
    });
    assert.deepEqual(await orgError(h.organizations.send(new O.UpdateResponsibilityTransferCommand({ Id: id, Name: "again" }))), {
      name: "ConstraintViolationException",
      message:
        "You cannot update this transfer because it is no longer active. Transfers that have been withdrawn, declined, expired, or cancelled cannot be modified.",
      reason: "TRANSFER_RESPONSIBILITY_UPDATE_NOT_ALLOWED",
      status: 400,
    });
    // A withdrawn transfer no longer stands in the way of a new invitation.
    await invite({ Type: "ACCOUNT", Id: partner.accountId });
  });

  it("invites by email; a declined or canceled invitation is a declined or canceled transfer", async () => {
    const partner = await partnerOrganization();
    const first = await invite({ Type: "EMAIL", Id: partner.email });
    const firstId = transferIdOf(first.Handshake!);
    const seen = await partner.organizations.send(new O.DescribeResponsibilityTransferCommand({ Id: firstId }));
    assert.deepEqual(seen.ResponsibilityTransfer!.Source, {
      ManagementAccountId: partner.accountId,
      ManagementAccountEmail: partner.email,
    });
    await partner.organizations.send(new O.DeclineHandshakeCommand({ HandshakeId: first.Handshake!.Id }));
    assert.equal(
      (await h.organizations.send(new O.DescribeResponsibilityTransferCommand({ Id: firstId }))).ResponsibilityTransfer!.Status,
      "DECLINED",
    );
    assert.equal(
      (await orgError(partner.organizations.send(new O.UpdateResponsibilityTransferCommand({ Id: firstId, Name: "x" })))).reason,
      "TRANSFER_RESPONSIBILITY_UPDATE_NOT_ALLOWED",
    );

    const second = await invite({ Type: "ACCOUNT", Id: partner.accountId });
    const secondId = transferIdOf(second.Handshake!);
    assert.deepEqual(await orgError(h.organizations.send(new O.TerminateResponsibilityTransferCommand({ Id: secondId }))), {
      name: "InvalidResponsibilityTransferTransitionException",
      message: "The responsibility transfer can't transition to the requested state because it's not in a valid state for this operation.",
      status: 400,
    });
    await h.organizations.send(new O.CancelHandshakeCommand({ HandshakeId: second.Handshake!.Id }));
    const statuses = await partner.organizations.send(new O.ListOutboundResponsibilityTransfersCommand({ Type: "BILLING" }));
    assert.deepEqual(
      statuses.ResponsibilityTransfers!.map((t) => [t.Id, t.Status]),
      [
        [firstId, "DECLINED"],
        [secondId, "CANCELED"],
      ],
    );
  });

  it("pages the lists with MaxResults and NextToken, and finds one transfer by Id", async () => {
    const partners = [await partnerOrganization(), await partnerOrganization(), await partnerOrganization()];
    const ids: string[] = [];
    for (const p of partners) ids.push(transferIdOf((await invite({ Type: "ACCOUNT", Id: p.accountId })).Handshake!));
    const first = await h.organizations.send(new O.ListInboundResponsibilityTransfersCommand({ Type: "BILLING", MaxResults: 2 }));
    assert.deepEqual(
      first.ResponsibilityTransfers!.map((t) => t.Id),
      ids.slice(0, 2),
    );
    assert.ok(first.NextToken);
    const rest = await h.organizations.send(
      new O.ListInboundResponsibilityTransfersCommand({ Type: "BILLING", MaxResults: 2, NextToken: first.NextToken }),
    );
    assert.deepEqual(
      rest.ResponsibilityTransfers!.map((t) => t.Id),
      ids.slice(2),
    );
    assert.equal(rest.NextToken, undefined);
    const one = await h.organizations.send(new O.ListInboundResponsibilityTransfersCommand({ Type: "BILLING", Id: ids[1] }));
    assert.deepEqual(
      one.ResponsibilityTransfers!.map((t) => t.Id),
      [ids[1]],
    );
    assert.deepEqual(
      await orgError(h.organizations.send(new O.ListInboundResponsibilityTransfersCommand({ Type: "BILLING", Id: "rt-00000000" }))),
      NOT_FOUND,
    );
    const badToken = await orgError(
      h.organizations.send(new O.ListOutboundResponsibilityTransfersCommand({ Type: "BILLING", NextToken: "nope" })),
    );
    assert.deepEqual([badToken.name, badToken.reason], ["InvalidInputException", "INVALID_NEXT_TOKEN"]);
  });

  it("answers AWS's errors for the invitation", async () => {
    const partner = await partnerOrganization();
    assert.deepEqual(await orgError(invite({ Type: "ORGANIZATION", Id: partner.orgId })), {
      name: "InvalidInputException",
      message: "You specified the wrong type of entity (account, organization, or email) as a party.",
      reason: "INVALID_PARTY_TYPE_TARGET",
      status: 400,
    });
    assert.equal((await orgError(invite({ Type: "EMAIL", Id: "not-an-email" }))).reason, "INVALID_EMAIL_ADDRESS_TARGET");
    assert.equal((await orgError(invite({ Type: "ACCOUNT", Id: "12345" }))).reason, "INVALID_PATTERN");
    assert.equal((await orgError(invite({ Type: "ACCOUNT", Id: partner.accountId }, { SourceName: "" }))).name, "InvalidInputException");
    assert.equal(
      (await orgError(invite({ Type: "ACCOUNT", Id: partner.accountId }, { Type: "SHIPPING" as O.ResponsibilityTransferType }))).name,
      "InvalidInputException",
    );
    const self = {
      name: "HandshakeConstraintViolationException",
      message: "An account can't accept a transfer invitation if it is both the sender and recipient of the invitation.",
      reason: "SOURCE_AND_TARGET_CANNOT_MATCH",
      status: 400,
    };
    assert.deepEqual(await orgError(invite({ Type: "ACCOUNT", Id: ACCOUNT })), self);
    const member = await createMember(h);
    assert.deepEqual(await orgError(invite({ Type: "EMAIL", Id: member.email })), self);

    const { Handshake } = await invite({ Type: "ACCOUNT", Id: partner.accountId });
    assert.deepEqual(await orgError(invite({ Type: "EMAIL", Id: partner.email.toUpperCase() })), {
      name: "DuplicateHandshakeException",
      message:
        "A handshake with the same action and target already exists. For example, if you invited an account to join your organization, the invited account might already have a pending invitation from this organization. If you intend to resend an invitation to an account, ensure that existing handshakes that might be considered duplicates are canceled or declined.",
      status: 400,
    });
    await partner.organizations.send(new O.AcceptHandshakeCommand({ HandshakeId: Handshake!.Id }));
    assert.deepEqual(await orgError(invite({ Type: "ACCOUNT", Id: partner.accountId })), {
      name: "HandshakeConstraintViolationException",
      message: "You cannot perform this operation with the current transfer.",
      reason: "RESPONSIBILITY_TRANSFER_ALREADY_EXISTS",
      status: 400,
    });
    // An organization in a transfer can't be deleted until the transfer is resolved.
    assert.deepEqual(await orgError(partner.organizations.send(new O.DeleteOrganizationCommand({}))), {
      name: "ConstraintViolationException",
      message:
        "You cannot delete organization due to an ongoing responsibility transfer process. For example, a pending invitation or an in-progress transfer. To delete the organization, you must resolve the current transfer process.",
      reason: "ACTIVE_RESPONSIBILITY_TRANSFER_PROCESS",
      status: 400,
    });
  });

  it("is for management accounts: outside an organization, as a member, and to strangers the transfer is unknown", async () => {
    const loner = await standaloneAccount(h);
    assert.deepEqual(await orgError(loner.organizations.send(new O.ListInboundResponsibilityTransfersCommand({ Type: "BILLING" }))), {
      name: "AWSOrganizationsNotInUseException",
      message: "Your account is not a member of an organization.",
      status: 400,
    });
    const { Handshake } = await invite({ Type: "ACCOUNT", Id: loner.accountId });
    const id = transferIdOf(Handshake!);
    // An account with no organization of its own can't take the invitation.
    assert.equal(
      (await orgError(loner.organizations.send(new O.AcceptHandshakeCommand({ HandshakeId: Handshake!.Id })))).name,
      "AWSOrganizationsNotInUseException",
    );

    const member = await createMember(h);
    const memberClients = rootClients(h, member.accountId);
    assert.deepEqual(await orgError(memberClients.organizations.send(new O.DescribeResponsibilityTransferCommand({ Id: id }))), {
      name: "AccessDeniedException",
      message: "You don't have permissions to access this resource.",
      status: 400,
    });
    assert.equal(
      (
        await orgError(
          memberClients.organizations.send(
            new O.InviteOrganizationToTransferResponsibilityCommand({
              Type: "BILLING",
              Target: { Type: "ACCOUNT", Id: loner.accountId },
              StartTimestamp: START,
              SourceName: "x",
            }),
          ),
        )
      ).name,
      "AccessDeniedException",
    );

    const stranger = await partnerOrganization();
    for (const command of [
      new O.DescribeResponsibilityTransferCommand({ Id: id }),
      new O.UpdateResponsibilityTransferCommand({ Id: id, Name: "mine" }),
      new O.TerminateResponsibilityTransferCommand({ Id: id }),
    ]) {
      assert.deepEqual(await orgError(stranger.organizations.send(command as never)), NOT_FOUND);
    }
    assert.deepEqual(await orgError(h.organizations.send(new O.DescribeResponsibilityTransferCommand({ Id: "rt-0000000000" }))), NOT_FOUND);
    const bad = await orgError(h.organizations.send(new O.DescribeResponsibilityTransferCommand({ Id: "transfer-1" })));
    assert.deepEqual([bad.name, bad.reason], ["InvalidInputException", "INVALID_PATTERN"]);
  });

  it("ends a transfer only at the end of a month that has not passed", async () => {
    const partner = await partnerOrganization();
    const { Handshake } = await invite({ Type: "ACCOUNT", Id: partner.accountId });
    const id = transferIdOf(Handshake!);
    await partner.organizations.send(new O.AcceptHandshakeCommand({ HandshakeId: Handshake!.Id }));
    const terminate = (EndTimestamp: Date) => h.organizations.send(new O.TerminateResponsibilityTransferCommand({ Id: id, EndTimestamp }));
    assert.deepEqual(await orgError(terminate(new Date(Date.UTC(2030, 5, 15)))), {
      name: "InvalidInputException",
      message: "You provided an invalid end date. The end date must be the end of the last day of the month (23.59.59.999).",
      reason: "END_DATE_NOT_END_OF_MONTH",
      status: 400,
    });
    assert.deepEqual(await orgError(terminate(endOfMonth(new Date(Date.UTC(2029, 11, 1))))), {
      name: "InvalidInputException",
      message: "You provided an invalid end date. The end date is too early.",
      reason: "END_DATE_TOO_EARLY",
      status: 400,
    });
    const end = endOfMonth(new Date(Date.UTC(2030, 5, 1)));
    const ended = await partner.organizations.send(new O.TerminateResponsibilityTransferCommand({ Id: id, EndTimestamp: end }));
    assert.deepEqual([ended.ResponsibilityTransfer!.Status, ended.ResponsibilityTransfer!.EndTimestamp], ["WITHDRAWN", end]);
    // Once withdrawn, nothing holds the organizations together.
    await partner.organizations.send(new O.DeleteOrganizationCommand({}));
  });

  it("authorizes IAM users on the transfer's ARN, with its type and direction", async () => {
    const partner = await partnerOrganization();
    const { Handshake } = await invite({ Type: "ACCOUNT", Id: partner.accountId });
    const id = transferIdOf(Handshake!);
    const nobody = await iamUser(h);
    assert.deepEqual(await orgError(nobody.organizations.send(new O.DescribeResponsibilityTransferCommand({ Id: id }))), {
      name: "AccessDeniedException",
      message: `User: ${nobody.arn} is not authorized to perform: organizations:DescribeResponsibilityTransfer on resource: arn:aws:organizations::${ACCOUNT}:transfer/${orgId}/billing/inbound/${id} because no identity-based policy allows the organizations:DescribeResponsibilityTransfer action`,
      status: 400,
    });
    const reader = await iamUser(h, {
      inline: policy(allow("organizations:*ResponsibilityTransfer*", "*", { StringEquals: { "organizations:TransferType": "BILLING" } })),
    });
    assert.equal((await reader.organizations.send(new O.DescribeResponsibilityTransferCommand({ Id: id }))).ResponsibilityTransfer!.Id, id);
    await reader.organizations.send(new O.ListInboundResponsibilityTransfersCommand({ Type: "BILLING" }));
  });
});
