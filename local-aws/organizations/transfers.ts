import type { Ctx, Handlers } from "../context";
import { sql } from "../store/db";
import { accountByEmail, getAccount } from "../accounts";
import { managementOnly } from "./access";
import { getHandshake, handshakeOut, insertHandshake, type HandshakeRow, type Party } from "./handshake-store";
import {
  handshakeConstraint,
  constraint,
  invalidInputReason,
  isoMs,
  newTransferId,
  orgError,
  paged,
  transferArn,
  type Org,
  type PageInput,
} from "./shared";
import { checkTags, type Tag } from "./tags";
import { getMember } from "./tree";

/**
 * Billing responsibility transfers between the management accounts of two organizations: the inviting account
 * (Target) manages the invited organization's (Source) responsibility once the TRANSFER_RESPONSIBILITY handshake is
 * accepted. Stored and reported as AWS does; no billing happens locally.
 */

export type TransferRow = {
  transfer_id: string;
  type: string;
  name: string;
  status: string;
  target_org_id: string;
  target_account_id: string;
  source_account_id: string | null;
  source_email: string | null;
  handshake_id: string;
  start_timestamp: string;
  end_timestamp: string | null;
  tags: string;
  created: string;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const notFound = () => orgError("ResponsibilityTransferNotFoundException", "We can't find a transfer that you specified.");

/** While REQUESTED, the invitation's handshake decides: declined, canceled or expired is the transfer's status too. */
export function transferStatus(ctx: Ctx, t: TransferRow): string {
  if (t.status !== "REQUESTED") return t.status;
  const state = getHandshake(ctx, t.handshake_id)?.state ?? "CANCELED";
  return state === "OPEN" || state === "REQUESTED" ? "REQUESTED" : state;
}

const isTarget = (ctx: Ctx, t: TransferRow) => t.target_account_id === ctx.accountId;

function isSource(ctx: Ctx, t: TransferRow): boolean {
  if (t.source_account_id) return t.source_account_id === ctx.accountId;
  const email = getAccount(ctx.db, ctx.accountId)?.email?.toLowerCase();
  return email !== undefined && t.source_email?.toLowerCase() === email;
}

function participant(ctx: Ctx, accountId: string | null, email: string | null) {
  const a = accountId ? getAccount(ctx.db, accountId) : undefined;
  const mail = a?.email ?? email;
  return { ...(accountId ? { ManagementAccountId: accountId } : {}), ...(mail ? { ManagementAccountEmail: mail } : {}) };
}

/** The transfer as the calling management account sees it (its ARN names the caller's organization and direction). */
function transferOut(ctx: Ctx, org: Org, t: TransferRow) {
  return {
    Arn: transferArn(org, t.type, isTarget(ctx, t) ? "inbound" : "outbound", t.transfer_id),
    Name: t.name,
    Id: t.transfer_id,
    Type: t.type,
    Status: transferStatus(ctx, t),
    Source: participant(ctx, t.source_account_id, t.source_email),
    Target: participant(ctx, t.target_account_id, null),
    StartTimestamp: new Date(t.start_timestamp),
    ...(t.end_timestamp ? { EndTimestamp: new Date(t.end_timestamp) } : {}),
    ActiveHandshakeId: t.handshake_id,
  };
}

/** A transfer the calling management account is a side of. */
function visibleTransfer(ctx: Ctx, id: string): { t: TransferRow; org: Org } {
  const { org } = managementOnly(ctx);
  const t = sql(ctx.db, "SELECT * FROM org_responsibility_transfers WHERE transfer_id = ?").get(id) as TransferRow | undefined;
  if (!t || !(isTarget(ctx, t) || isSource(ctx, t))) throw notFound();
  return { t, org };
}

/** The invited account (by ID, or by the email of a local account), if this local world has it. */
function invitedAccount(ctx: Ctx, target: Party): string | undefined {
  if (target.Type === "ORGANIZATION") throw invalidInputReason("INVALID_PARTY_TYPE_TARGET");
  if (target.Type === "ACCOUNT") {
    if (!/^\d{12}$/.test(target.Id)) throw invalidInputReason("INVALID_PATTERN");
    return target.Id;
  }
  if (!EMAIL.test(target.Id)) throw invalidInputReason("INVALID_EMAIL_ADDRESS_TARGET");
  return accountByEmail(ctx.db, target.Id)?.account_id;
}

/** 23:59:59.999 UTC on the last day of the month of `d`. */
const endOfMonth = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - 1);

function endTimestamp(ctx: Ctx, t: TransferRow, given: Date | undefined): Date {
  const earliest = endOfMonth(new Date(Math.max(ctx.now.getTime(), Date.parse(t.start_timestamp))));
  if (given === undefined) return earliest;
  if (endOfMonth(given).getTime() !== given.getTime()) throw invalidInputReason("END_DATE_NOT_END_OF_MONTH");
  if (given.getTime() < earliest.getTime()) throw invalidInputReason("END_DATE_TOO_EARLY");
  return given;
}

const between = (ctx: Ctx, targetAccountId: string, sourceAccountId: string | undefined, email: string) =>
  (
    sql(ctx.db, "SELECT * FROM org_responsibility_transfers WHERE target_account_id = ? ORDER BY created, transfer_id").all(
      targetAccountId,
    ) as TransferRow[]
  ).filter((t) => (sourceAccountId && t.source_account_id === sourceAccountId) || t.source_email?.toLowerCase() === email.toLowerCase());

/** AcceptHandshake of a TRANSFER_RESPONSIBILITY invitation: the invited management account takes part; ACCEPTED. */
export function acceptTransfer(ctx: Ctx, h: HandshakeRow): void {
  const { org } = managementOnly(ctx);
  if (org.org_id === h.org_id) throw handshakeConstraint("SOURCE_AND_TARGET_CANNOT_MATCH");
  sql(ctx.db, "UPDATE org_handshakes SET state = 'ACCEPTED' WHERE handshake_id = ?").run(h.handshake_id);
  h.state = "ACCEPTED";
  sql(ctx.db, "UPDATE org_responsibility_transfers SET status = 'ACCEPTED', source_account_id = ? WHERE handshake_id = ?").run(
    ctx.accountId,
    h.handshake_id,
  );
}

/** Whether an organization's management account has a pending or running transfer (DeleteOrganization refuses). */
export function activeTransfer(ctx: Ctx, org: Org): boolean {
  const rows = sql(
    ctx.db,
    "SELECT * FROM org_responsibility_transfers WHERE (target_account_id = $m OR source_account_id = $m) AND status != 'WITHDRAWN'",
  ).all({ m: org.management_account_id }) as TransferRow[];
  return rows.some((t) => ["REQUESTED", "ACCEPTED"].includes(transferStatus(ctx, t)));
}

type ListInput = { Type: string; Id?: string } & PageInput;

function listOut(ctx: Ctx, org: Org, input: ListInput, rows: TransferRow[]) {
  const matching = rows.filter((t) => t.type === input.Type && (input.Id === undefined || t.transfer_id === input.Id));
  if (input.Id !== undefined && !matching.length) throw notFound();
  return paged(input, matching, "ResponsibilityTransfers", (t) => transferOut(ctx, org, t));
}

export const transfersHandlers: Handlers = {
  InviteOrganizationToTransferResponsibility(
    input: { Type: string; Target: Party; Notes?: string; StartTimestamp: Date; SourceName: string; Tags?: Tag[] },
    ctx: Ctx,
  ) {
    const { org } = managementOnly(ctx);
    const accountId = invitedAccount(ctx, input.Target);
    checkTags(input.Tags);
    if (accountId && (accountId === ctx.accountId || getMember(ctx.db, accountId)?.org_id === org.org_id)) {
      throw handshakeConstraint("SOURCE_AND_TARGET_CANNOT_MATCH");
    }
    const email = input.Target.Type === "EMAIL" ? input.Target.Id : (getAccount(ctx.db, input.Target.Id)?.email ?? "");
    const existing = between(ctx, ctx.accountId, accountId, email).map((t) => transferStatus(ctx, t));
    if (existing.includes("REQUESTED")) {
      throw orgError(
        "DuplicateHandshakeException",
        "A handshake with the same action and target already exists. For example, if you invited an account to join your organization, the invited account might already have a pending invitation from this organization. If you intend to resend an invitation to an account, ensure that existing handshakes that might be considered duplicates are canceled or declined.",
      );
    }
    if (existing.includes("ACCEPTED")) throw handshakeConstraint("RESPONSIBILITY_TRANSFER_ALREADY_EXISTS");
    const id = newTransferId();
    const management = getAccount(ctx.db, ctx.accountId);
    const h = insertHandshake(ctx, org, {
      action: "TRANSFER_RESPONSIBILITY",
      state: "OPEN",
      parties: [{ Id: org.org_id, Type: "ORGANIZATION" }, input.Target],
      resources: [
        {
          Type: "RESPONSIBILITY_TRANSFER",
          Value: id,
          Resources: [
            { Type: "TRANSFER_TYPE", Value: input.Type },
            { Type: "TRANSFER_START_TIMESTAMP", Value: isoMs(input.StartTimestamp) },
          ],
        },
        {
          Type: "MANAGEMENT_ACCOUNT",
          Value: ctx.accountId,
          Resources: [
            ...(management?.email ? [{ Type: "MANAGEMENT_EMAIL", Value: management.email }] : []),
            ...(management?.name ? [{ Type: "MANAGEMENT_NAME", Value: management.name }] : []),
          ],
        },
        { Type: input.Target.Type, Value: input.Target.Id },
        ...(input.Notes ? [{ Type: "NOTES", Value: input.Notes }] : []),
      ],
      target: accountId,
      notes: input.Notes,
      tags: input.Tags,
    });
    sql(
      ctx.db,
      `INSERT INTO org_responsibility_transfers (transfer_id, type, name, status, target_org_id, target_account_id, source_account_id,
         source_email, handshake_id, start_timestamp, tags, created)
       VALUES (?, ?, ?, 'REQUESTED', ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      input.Type,
      input.SourceName,
      org.org_id,
      ctx.accountId,
      accountId ?? null,
      email || null,
      h.handshake_id,
      isoMs(input.StartTimestamp),
      JSON.stringify(input.Tags ?? []),
      isoMs(ctx.now),
    );
    return { Handshake: handshakeOut(org, h) };
  },

  DescribeResponsibilityTransfer(input: { Id: string }, ctx: Ctx) {
    const { t, org } = visibleTransfer(ctx, input.Id);
    return { ResponsibilityTransfer: transferOut(ctx, org, t) };
  },

  UpdateResponsibilityTransfer(input: { Id: string; Name: string }, ctx: Ctx) {
    const { t, org } = visibleTransfer(ctx, input.Id);
    if (!["REQUESTED", "ACCEPTED"].includes(transferStatus(ctx, t))) throw constraint("TRANSFER_RESPONSIBILITY_UPDATE_NOT_ALLOWED");
    sql(ctx.db, "UPDATE org_responsibility_transfers SET name = ? WHERE transfer_id = ?").run(input.Name, t.transfer_id);
    t.name = input.Name;
    return { ResponsibilityTransfer: transferOut(ctx, org, t) };
  },

  /** Either side withdraws an accepted transfer; it ends at the end of a month, by default the current one. */
  TerminateResponsibilityTransfer(input: { Id: string; EndTimestamp?: Date }, ctx: Ctx) {
    const { t, org } = visibleTransfer(ctx, input.Id);
    const status = transferStatus(ctx, t);
    if (status === "WITHDRAWN") {
      throw orgError(
        "ResponsibilityTransferAlreadyInStatusException",
        "The responsibility transfer is already in the status that you specified.",
      );
    }
    if (status !== "ACCEPTED") {
      throw orgError(
        "InvalidResponsibilityTransferTransitionException",
        "The responsibility transfer can't transition to the requested state because it's not in a valid state for this operation.",
      );
    }
    const end = isoMs(endTimestamp(ctx, t, input.EndTimestamp));
    sql(ctx.db, "UPDATE org_responsibility_transfers SET status = 'WITHDRAWN', end_timestamp = ? WHERE transfer_id = ?").run(
      end,
      t.transfer_id,
    );
    Object.assign(t, { status: "WITHDRAWN", end_timestamp: end });
    return { ResponsibilityTransfer: transferOut(ctx, org, t) };
  },

  /** Transfers in which the caller manages another organization's responsibility (invitations it sent included). */
  ListInboundResponsibilityTransfers(input: ListInput, ctx: Ctx) {
    const { org } = managementOnly(ctx);
    const rows = sql(ctx.db, "SELECT * FROM org_responsibility_transfers WHERE target_account_id = ? ORDER BY created, transfer_id").all(
      ctx.accountId,
    ) as TransferRow[];
    return listOut(ctx, org, input, rows);
  },

  /** Transfers in which another account manages the caller's organization's responsibility (invitations it got included). */
  ListOutboundResponsibilityTransfers(input: ListInput, ctx: Ctx) {
    const { org } = managementOnly(ctx);
    const rows = sql(ctx.db, "SELECT * FROM org_responsibility_transfers ORDER BY created, transfer_id").all() as TransferRow[];
    return listOut(
      ctx,
      org,
      input,
      rows.filter((t) => isSource(ctx, t) && !isTarget(ctx, t)),
    );
  },
};
