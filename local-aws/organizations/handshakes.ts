import type { Ctx, Handlers } from "../context";
import { sql } from "../store/db";
import { accountByEmail, getAccount } from "../accounts";
import { managementOnly, managementOrDelegated } from "./access";
import { acceptAllFeatures, pendingAllFeatures } from "./all-features";
import { accountsCounted } from "./create-account";
import {
  handshakeOut,
  insertHandshake,
  isRecipient,
  isSender,
  organizationResource,
  setState,
  stillListed,
  visibleHandshake,
  type HandshakeRow,
  type Party,
} from "./handshake-store";
import { accessDeniedOrg, handshakeConstraint, invalidInputReason, isoMs, orgError, paged, type Org, type PageInput } from "./shared";
import { checkTags, putOrgTags, type Tag } from "./tags";
import { acceptTransfer } from "./transfers";
import { attachDefaults, getMember, getOrg, orgMembers, rootOf } from "./tree";

type Filter = { ActionType?: string; ParentHandshakeId?: string };
type ListInput = { Filter?: Filter } & PageInput;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** ACCEPTED again is "already in state"; any other closed state can't become the requested one. */
function assertOpen(h: HandshakeRow, wanted: string): void {
  if (h.state === wanted) {
    throw orgError(
      "HandshakeAlreadyInStateException",
      "The specified handshake is already in the requested state. For example, you can't accept a handshake that was already accepted.",
    );
  }
  if (h.state !== "OPEN") {
    throw orgError(
      "InvalidHandshakeTransitionException",
      "You can't perform the operation on the handshake in its current state. For example, you can't cancel a handshake that was already accepted or accept a handshake that was already declined.",
    );
  }
}

/** The invited account (by ID, or by the email of a local account), if this local world has it. */
function invitedAccount(ctx: Ctx, target: Party): string | undefined {
  if (target.Type === "ORGANIZATION") throw invalidInputReason("INVALID_PARTY_TYPE_TARGET");
  if (target.Type === "ACCOUNT") {
    if (!/^\d{12}$/.test(target.Id)) throw invalidInputReason("INVALID_PATTERN");
    return getAccount(ctx.db, target.Id)?.account_id;
  }
  if (!EMAIL.test(target.Id)) throw invalidInputReason("INVALID_EMAIL_ADDRESS_TARGET");
  return accountByEmail(ctx.db, target.Id)?.account_id;
}

/** The invited account joins under the root, INVITED, with the inherited default policies and the invitation's tags. */
function join(ctx: Ctx, org: Org, h: HandshakeRow): void {
  if (getMember(ctx.db, ctx.accountId)) throw handshakeConstraint("ALREADY_IN_AN_ORGANIZATION");
  if (orgMembers(ctx.db, org.org_id).length >= ctx.settings.accountsPerOrganization)
    throw handshakeConstraint("ACCOUNT_NUMBER_LIMIT_EXCEEDED");
  sql(
    ctx.db,
    "INSERT INTO org_members (account_id, org_id, parent_id, joined_method, joined_timestamp) VALUES (?, ?, ?, 'INVITED', ?)",
  ).run(ctx.accountId, org.org_id, rootOf(ctx.db, org.org_id).root_id, isoMs(ctx.now));
  attachDefaults(ctx.db, org, ctx.accountId);
  putOrgTags(ctx.db, ctx.accountId, JSON.parse(h.tags) as Tag[]);
  setState(ctx, h, "ACCEPTED");
}

function filtered(ctx: Ctx, rows: HandshakeRow[], filter: Filter | undefined): HandshakeRow[] {
  if (filter?.ActionType && filter.ParentHandshakeId) throw invalidInputReason("MAX_LIMIT_EXCEEDED_FILTER");
  return rows.filter(
    (h) =>
      stillListed(ctx, h) &&
      (!filter?.ActionType || h.action === filter.ActionType) &&
      (!filter?.ParentHandshakeId || h.parent_handshake_id === filter.ParentHandshakeId),
  );
}

function listOut(ctx: Ctx, input: ListInput, rows: HandshakeRow[]) {
  const orgs = new Map<string, Org>();
  const orgOf = (h: HandshakeRow) => {
    if (!orgs.has(h.org_id)) orgs.set(h.org_id, getOrg(ctx.db, h.org_id)!);
    return orgs.get(h.org_id)!;
  };
  return paged(input, filtered(ctx, rows, input.Filter), "Handshakes", (h) => handshakeOut(orgOf(h), h));
}

export const handshakesHandlers: Handlers = {
  InviteAccountToOrganization(input: { Target: Party; Notes?: string; Tags?: Tag[] }, ctx: Ctx) {
    const { org } = managementOnly(ctx);
    if (pendingAllFeatures(ctx, org)) throw handshakeConstraint("INVITE_DISABLED_DURING_ENABLE_ALL_FEATURES");
    const accountId = invitedAccount(ctx, input.Target);
    checkTags(input.Tags);
    if (accountId && getMember(ctx.db, accountId)) throw handshakeConstraint("ALREADY_IN_AN_ORGANIZATION");
    const open = sql(ctx.db, "SELECT * FROM org_handshakes WHERE org_id = ? AND action = 'INVITE' AND state IN ('REQUESTED', 'OPEN')").all(
      org.org_id,
    ) as HandshakeRow[];
    const target = input.Target.Id.toLowerCase();
    if (
      open.some(
        (h) =>
          (accountId && h.target_account_id === accountId) || (JSON.parse(h.parties) as Party[]).some((p) => p.Id.toLowerCase() === target),
      )
    ) {
      throw orgError(
        "DuplicateHandshakeException",
        "A handshake with the same action and target already exists. For example, if you invited an account to join your organization, the invited account might already have a pending invitation from this organization. If you intend to resend an invitation to an account, ensure that existing handshakes that might be considered duplicates are canceled or declined.",
      );
    }
    if (accountsCounted(ctx, org) >= ctx.settings.accountsPerOrganization) throw handshakeConstraint("ACCOUNT_NUMBER_LIMIT_EXCEEDED");
    const h = insertHandshake(ctx, org, {
      action: "INVITE",
      state: "OPEN",
      parties: [{ Id: org.org_id, Type: "ORGANIZATION" }, input.Target],
      resources: [
        organizationResource(ctx, org),
        { Type: input.Target.Type, Value: input.Target.Id },
        ...(input.Notes ? [{ Type: "NOTES", Value: input.Notes }] : []),
      ],
      target: accountId,
      notes: input.Notes,
      tags: input.Tags,
    });
    return { Handshake: handshakeOut(org, h) };
  },

  AcceptHandshake(input: { HandshakeId: string }, ctx: Ctx) {
    const { h, org } = visibleHandshake(ctx, input.HandshakeId);
    if (!isRecipient(ctx, h)) throw accessDeniedOrg();
    assertOpen(h, "ACCEPTED");
    if (h.action === "INVITE") join(ctx, org, h);
    else if (h.action === "TRANSFER_RESPONSIBILITY") acceptTransfer(ctx, h);
    else acceptAllFeatures(ctx, org, h);
    return { Handshake: handshakeOut(org, h) };
  },

  DeclineHandshake(input: { HandshakeId: string }, ctx: Ctx) {
    const { h, org } = visibleHandshake(ctx, input.HandshakeId);
    if (!isRecipient(ctx, h)) throw accessDeniedOrg();
    assertOpen(h, "DECLINED");
    setState(ctx, h, "DECLINED");
    return { Handshake: handshakeOut(org, h) };
  },

  /** Only the sender cancels; canceling an all-features request cancels what it sent to the members. */
  CancelHandshake(input: { HandshakeId: string }, ctx: Ctx) {
    const { h, org } = visibleHandshake(ctx, input.HandshakeId);
    if (!isSender(ctx, h)) throw accessDeniedOrg();
    if (h.state !== "REQUESTED") assertOpen(h, "CANCELED");
    setState(ctx, h, "CANCELED");
    sql(ctx.db, "UPDATE org_handshakes SET state = 'CANCELED' WHERE parent_handshake_id = ? AND state IN ('REQUESTED', 'OPEN')").run(
      h.handshake_id,
    );
    return { Handshake: handshakeOut(org, h) };
  },

  DescribeHandshake(input: { HandshakeId: string }, ctx: Ctx) {
    const { h, org } = visibleHandshake(ctx, input.HandshakeId);
    return { Handshake: handshakeOut(org, h) };
  },

  /** Open to any account, in an organization or not: the handshakes it was sent. */
  ListHandshakesForAccount(input: ListInput, ctx: Ctx) {
    const rows = sql(ctx.db, "SELECT * FROM org_handshakes ORDER BY requested, handshake_id").all() as HandshakeRow[];
    return listOut(
      ctx,
      input,
      rows.filter((h) => isRecipient(ctx, h)),
    );
  },

  ListHandshakesForOrganization(input: ListInput, ctx: Ctx) {
    const { org } = managementOrDelegated(ctx);
    const rows = sql(ctx.db, "SELECT * FROM org_handshakes WHERE org_id = ? ORDER BY requested, handshake_id").all(
      org.org_id,
    ) as HandshakeRow[];
    return listOut(ctx, input, rows);
  },
};
