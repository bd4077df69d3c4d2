import type { Ctx } from "../context";
import { sql } from "../store/db";
import { getAccount } from "../accounts";
import { handshakeArn, isoMs, newHandshakeId, orgError, type Org } from "./shared";
import { getOrg } from "./tree";

/** Handshakes: invitations and the all-features agreement, between this local world's accounts. */

export type Party = { Id: string; Type: "ACCOUNT" | "ORGANIZATION" | "EMAIL" };
export type HandshakeResource = { Type: string; Value: string; Resources?: HandshakeResource[] };

export type HandshakeRow = {
  handshake_id: string;
  org_id: string;
  action: string;
  state: string;
  parties: string;
  resources: string;
  target_account_id: string | null;
  notes: string | null;
  tags: string;
  requested: string;
  expiration: string;
  parent_handshake_id: string | null;
};

/** Invitations expire after 15 days. */
const LIFETIME_MS = 15 * 24 * 3600 * 1000;
/** Closed handshakes stay listed for 30 days. */
const VISIBLE_MS = 30 * 24 * 3600 * 1000;

export const handshakeOut = (org: Org, h: HandshakeRow) => ({
  Id: h.handshake_id,
  Arn: handshakeArn(org, h.handshake_id, h.action),
  Parties: JSON.parse(h.parties) as Party[],
  State: h.state,
  RequestedTimestamp: new Date(h.requested),
  ExpirationTimestamp: new Date(h.expiration),
  Action: h.action,
  Resources: JSON.parse(h.resources) as HandshakeResource[],
});

export const handshakeNotFound = () =>
  orgError("HandshakeNotFoundException", "We can't find a handshake with the HandshakeId that you specified.");

export const getHandshake = (ctx: Ctx, id: string) =>
  sql(ctx.db, "SELECT * FROM org_handshakes WHERE handshake_id = ?").get(id) as HandshakeRow | undefined;

/** Whether the calling account is a party the handshake was sent to (by account ID, or by its root user's email). */
export function isRecipient(ctx: Ctx, h: HandshakeRow): boolean {
  const email = getAccount(ctx.db, ctx.accountId)?.email?.toLowerCase();
  return (JSON.parse(h.parties) as Party[]).some(
    (p) => (p.Type === "ACCOUNT" && p.Id === ctx.accountId) || (p.Type === "EMAIL" && email !== undefined && p.Id.toLowerCase() === email),
  );
}

export const isSender = (ctx: Ctx, h: HandshakeRow) => getOrg(ctx.db, h.org_id)?.management_account_id === ctx.accountId;

/** Handshakes the caller may see: those it sent (as the organization's management account) or received. */
export function visibleHandshake(ctx: Ctx, id: string): { h: HandshakeRow; org: Org } {
  const h = getHandshake(ctx, id);
  const org = h && getOrg(ctx.db, h.org_id);
  if (!h || !org || !(isSender(ctx, h) || isRecipient(ctx, h))) throw handshakeNotFound();
  return { h, org };
}

export function insertHandshake(
  ctx: Ctx,
  org: Org,
  h: {
    action: string;
    state: string;
    parties: Party[];
    resources: HandshakeResource[];
    target?: string;
    notes?: string;
    tags?: unknown[];
    parent?: string;
  },
): HandshakeRow {
  const row: HandshakeRow = {
    handshake_id: newHandshakeId(),
    org_id: org.org_id,
    action: h.action,
    state: h.state,
    parties: JSON.stringify(h.parties),
    resources: JSON.stringify(h.resources),
    target_account_id: h.target ?? null,
    notes: h.notes ?? null,
    tags: JSON.stringify(h.tags ?? []),
    requested: isoMs(ctx.now),
    expiration: isoMs(new Date(ctx.now.getTime() + LIFETIME_MS)),
    parent_handshake_id: h.parent ?? null,
  };
  sql(
    ctx.db,
    `INSERT INTO org_handshakes (handshake_id, org_id, action, state, parties, resources, target_account_id, notes, tags, requested,
       expiration, parent_handshake_id)
     VALUES ($handshake_id, $org_id, $action, $state, $parties, $resources, $target_account_id, $notes, $tags, $requested, $expiration,
       $parent_handshake_id)`,
  ).run(row);
  return row;
}

export const setState = (ctx: Ctx, h: HandshakeRow, state: string) => {
  sql(ctx.db, "UPDATE org_handshakes SET state = ? WHERE handshake_id = ?").run(state, h.handshake_id);
  h.state = state;
};

/** Open handshakes, and closed ones for 30 days. */
export const stillListed = (ctx: Ctx, h: HandshakeRow) =>
  h.state === "OPEN" || h.state === "REQUESTED" || ctx.now.getTime() - Date.parse(h.requested) < VISIBLE_MS;

/** The organization resource every handshake carries: who sends it and with which feature set. */
export function organizationResource(ctx: Ctx, org: Org): HandshakeResource {
  const management = getAccount(ctx.db, org.management_account_id);
  return {
    Type: "ORGANIZATION",
    Value: org.org_id,
    Resources: [
      ...(management?.email ? [{ Type: "MASTER_EMAIL", Value: management.email }] : []),
      ...(management?.name ? [{ Type: "MASTER_NAME", Value: management.name }] : []),
      { Type: "ORGANIZATION_FEATURE_SET", Value: org.feature_set },
    ],
  };
}
