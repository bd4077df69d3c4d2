import { randomUUID } from "node:crypto";
import type { Ctx, Handlers } from "../context";
import { sql } from "../store/db";
import { accessDenied, entityAlreadyExists, invalidInput, noSuchEntity } from "../protocol/errors";
import { arrayPage } from "./shared";

/**
 * IAM temporary delegation: a partner's account files a request, an identity of the customer's account claims it
 * (Associate), may forward it (Update), approves or rejects it, and releases the exchange token (SendDelegationToken).
 * The partner's SNS notification and the token exchange happen outside this machine: the states and checks are AWS's.
 */

export type DelegationRow = {
  delegation_request_id: string;
  account_id: string;
  requestor_workflow_id: string;
  owner_account_id: string | null;
  owner_id: string | null;
  approver_id: string | null;
  description: string;
  request_message: string | null;
  permissions: string;
  redirect_url: string | null;
  notification_channel: string;
  session_duration: number;
  only_send_by_owner: number;
  state: string;
  notes: string | null;
  rejection_reason: string | null;
  create_date: string;
  updated_time: string;
  expiration_time: string;
};

const WEEK_MS = 7 * 24 * 3600 * 1000;
// The IAM User Guide: the root user can approve only requests of 4 hours or less.
const ROOT_MAX_DURATION = 4 * 3600;
const SNS_TOPIC = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$/;
const ENTITY_ARN = /^arn:aws:iam::(\d{12}):delegation-request\/([\w-]+)$/;

export const delegationRequestArn = (accountId: string, id: string) => `arn:aws:iam::${accountId}:delegation-request/${id}`;

/** The request as this caller may see it: no owner account yet, the caller's own account as owner, or its requestor. */
export function findDelegationRequest(ctx: Ctx, id: string): DelegationRow | undefined {
  const row = sql(ctx.db, "SELECT * FROM iam_delegation_requests WHERE delegation_request_id = ?").get(id) as DelegationRow | undefined;
  if (!row) return undefined;
  const visible = row.owner_account_id === null || row.owner_account_id === ctx.accountId || row.account_id === ctx.accountId;
  return visible ? row : undefined;
}

function getRequest(ctx: Ctx, id: string): DelegationRow {
  const row = findDelegationRequest(ctx, id);
  if (!row) throw noSuchEntity(`The delegation request with ID ${id} cannot be found.`);
  return row;
}

/** Open and rejected requests expire; the stored state stays what the last action made it. */
function stateOf(row: DelegationRow, now: Date): string {
  if (row.state === "FINALIZED") return row.state;
  return new Date(row.expiration_time) < now ? "EXPIRED" : row.state;
}

function requireState(ctx: Ctx, row: DelegationRow, allowed: string[], verb: string): void {
  const state = stateOf(row, ctx.now);
  if (!allowed.includes(state)) {
    throw invalidInput(`The delegation request ${row.delegation_request_id} cannot be ${verb} in its current state: ${state}.`);
  }
}

/** Approving, forwarding and releasing the token are for identities of the account that owns the request. */
function requireOwnerAccount(ctx: Ctx, row: DelegationRow): void {
  if (row.owner_id === null || row.owner_account_id !== ctx.accountId) {
    throw noSuchEntity(`The delegation request with ID ${row.delegation_request_id} cannot be found.`);
  }
}

function requestorName(ctx: Ctx, accountId: string): string {
  const alias = sql(ctx.db, "SELECT alias FROM account_aliases WHERE account_id = ?").get(accountId) as { alias: string } | undefined;
  return alias?.alias ?? accountId;
}

function update(ctx: Ctx, id: string, fields: Partial<DelegationRow>): void {
  const sets = Object.keys(fields).map((k) => `${k} = @${k}`);
  sql(ctx.db, `UPDATE iam_delegation_requests SET ${sets.join(", ")}, updated_time = @updated WHERE delegation_request_id = @id`).run({
    ...fields,
    updated: ctx.now.toISOString(),
    id,
  });
}

export function delegationOut(ctx: Ctx, r: DelegationRow) {
  return {
    DelegationRequestId: r.delegation_request_id,
    ...(r.owner_account_id ? { OwnerAccountId: r.owner_account_id } : {}),
    Description: r.description,
    ...(r.request_message !== null ? { RequestMessage: r.request_message } : {}),
    Permissions: JSON.parse(r.permissions),
    ...(r.owner_id ? { OwnerId: r.owner_id } : {}),
    ...(r.approver_id ? { ApproverId: r.approver_id } : {}),
    State: stateOf(r, ctx.now),
    ExpirationTime: new Date(r.expiration_time),
    RequestorId: r.account_id,
    RequestorName: requestorName(ctx, r.account_id),
    CreateDate: new Date(r.create_date),
    SessionDuration: r.session_duration,
    ...(r.redirect_url !== null ? { RedirectUrl: r.redirect_url } : {}),
    ...(r.notes !== null ? { Notes: r.notes } : {}),
    ...(r.rejection_reason !== null ? { RejectionReason: r.rejection_reason } : {}),
    OnlySendByOwner: r.only_send_by_owner === 1,
    UpdatedTime: new Date(r.updated_time),
  };
}

type Permissions = { PolicyTemplateArn?: string; Parameters?: { Name?: string; Values?: string[]; Type?: string }[] };

type CreateInput = {
  OwnerAccountId?: string;
  Description: string;
  Permissions: Permissions;
  RequestMessage?: string;
  RequestorWorkflowId: string;
  RedirectUrl?: string;
  NotificationChannel: string;
  SessionDuration: number;
  OnlySendByOwner?: boolean;
};

function summary(ctx: Ctx, r: DelegationRow): string {
  const p = JSON.parse(r.permissions) as Permissions;
  const hours = Math.round((r.session_duration / 3600) * 10) / 10;
  const params = (p.Parameters ?? []).map((x) => `${x.Name}: ${(x.Values ?? []).join(", ")}`);
  return [
    `${requestorName(ctx, r.account_id)} (account ${r.account_id}) requests temporary access to your AWS account for ${hours} hour(s).`,
    `Purpose: ${r.description}`,
    ...(r.request_message ? [`Message: ${r.request_message}`] : []),
    ...(p.PolicyTemplateArn ? [`Permissions come from the policy template ${p.PolicyTemplateArn}.`] : []),
    ...(params.length ? [`Parameters: ${params.join("; ")}.`] : []),
  ].join("\n");
}

export const delegationRequestHandlers: Handlers = {
  CreateDelegationRequest(input: CreateInput, ctx) {
    if (!SNS_TOPIC.test(input.NotificationChannel)) {
      throw invalidInput(`NotificationChannel ${input.NotificationChannel} is not a valid SNS topic ARN.`);
    }
    const taken = sql(ctx.db, "SELECT 1 FROM iam_delegation_requests WHERE account_id = ? AND requestor_workflow_id = ?").get(
      ctx.accountId,
      input.RequestorWorkflowId,
    );
    if (taken) throw entityAlreadyExists(`A delegation request with RequestorWorkflowId ${input.RequestorWorkflowId} already exists.`);
    const id = randomUUID();
    const now = ctx.now.toISOString();
    sql(
      ctx.db,
      `INSERT INTO iam_delegation_requests (delegation_request_id, account_id, requestor_workflow_id, owner_account_id, description,
       request_message, permissions, redirect_url, notification_channel, session_duration, only_send_by_owner, state, create_date,
       updated_time, expiration_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'UNASSIGNED', ?, ?, ?)`,
    ).run(
      id,
      ctx.accountId,
      input.RequestorWorkflowId,
      input.OwnerAccountId ?? null,
      input.Description,
      input.RequestMessage ?? null,
      JSON.stringify(input.Permissions),
      input.RedirectUrl ?? null,
      input.NotificationChannel,
      input.SessionDuration,
      input.OnlySendByOwner ? 1 : 0,
      now,
      now,
      new Date(ctx.now.getTime() + WEEK_MS).toISOString(),
    );
    return { ConsoleDeepLink: `https://console.aws.amazon.com/iam/home#/delegation-requests/${id}`, DelegationRequestId: id };
  },

  GetDelegationRequest(input: { DelegationRequestId: string; DelegationPermissionCheck?: boolean }, ctx) {
    const row = getRequest(ctx, input.DelegationRequestId);
    // The check compares the request's permission policy with the caller's: the policy lives with the partner's template.
    const check = input.DelegationPermissionCheck ? { PermissionCheckStatus: "COMPLETE", PermissionCheckResult: "UNSURE" } : {};
    return { DelegationRequest: delegationOut(ctx, row), ...check };
  },

  ListDelegationRequests(input: { OwnerId?: string; Marker?: string; MaxItems?: number }, ctx) {
    const rows = sql(
      ctx.db,
      `SELECT * FROM iam_delegation_requests WHERE owner_account_id = ? AND owner_id IS NOT NULL AND (? IS NULL OR owner_id = ?)
       ORDER BY create_date, delegation_request_id`,
    ).all(ctx.accountId, input.OwnerId ?? null, input.OwnerId ?? null) as DelegationRow[];
    const page = arrayPage(input, rows);
    return {
      DelegationRequests: page.items.map((r) => delegationOut(ctx, r)),
      ...(page.Marker ? { Marker: page.Marker } : {}),
      isTruncated: page.IsTruncated,
    };
  },

  AssociateDelegationRequest(input: { DelegationRequestId: string }, ctx) {
    const row = getRequest(ctx, input.DelegationRequestId);
    if (row.owner_id === ctx.caller.arn) return;
    if (row.owner_id !== null)
      throw invalidInput(`The delegation request ${row.delegation_request_id} is already associated with an owner.`);
    requireState(ctx, row, ["UNASSIGNED"], "associated");
    update(ctx, row.delegation_request_id, { owner_id: ctx.caller.arn, owner_account_id: ctx.accountId, state: "ASSIGNED" });
  },

  UpdateDelegationRequest(input: { DelegationRequestId: string; Notes?: string }, ctx) {
    const row = getRequest(ctx, input.DelegationRequestId);
    requireOwnerAccount(ctx, row);
    requireState(ctx, row, ["ASSIGNED", "PENDING_APPROVAL"], "updated");
    update(ctx, row.delegation_request_id, { state: "PENDING_APPROVAL", ...(input.Notes !== undefined ? { notes: input.Notes } : {}) });
  },

  AcceptDelegationRequest(input: { DelegationRequestId: string }, ctx) {
    const row = getRequest(ctx, input.DelegationRequestId);
    requireOwnerAccount(ctx, row);
    requireState(ctx, row, ["ASSIGNED", "PENDING_APPROVAL"], "accepted");
    if (ctx.caller.type === "root" && row.session_duration > ROOT_MAX_DURATION) {
      throw invalidInput("The root user can only accept delegation requests with a session duration of 4 hours or less.");
    }
    update(ctx, row.delegation_request_id, { state: "ACCEPTED", approver_id: ctx.caller.arn });
  },

  RejectDelegationRequest(input: { DelegationRequestId: string; Notes?: string }, ctx) {
    const row = getRequest(ctx, input.DelegationRequestId);
    requireOwnerAccount(ctx, row);
    requireState(ctx, row, ["ASSIGNED", "PENDING_APPROVAL", "ACCEPTED"], "rejected");
    update(ctx, row.delegation_request_id, {
      state: "REJECTED",
      rejection_reason: input.Notes ?? null,
      expiration_time: new Date(ctx.now.getTime() + WEEK_MS).toISOString(),
    });
  },

  SendDelegationToken(input: { DelegationRequestId: string }, ctx) {
    const row = getRequest(ctx, input.DelegationRequestId);
    requireOwnerAccount(ctx, row);
    requireState(ctx, row, ["ACCEPTED"], "finalized");
    if (row.only_send_by_owner && row.owner_id !== ctx.caller.arn) {
      throw accessDenied(
        `User: ${ctx.caller.arn} is not authorized to perform: iam:SendDelegationToken on resource: ${delegationRequestArn(ctx.accountId, row.delegation_request_id)} because only the owner of this delegation request can send its token`,
      );
    }
    update(ctx, row.delegation_request_id, { state: "FINALIZED" });
  },

  GetHumanReadableSummary(input: { EntityArn: string; Locale?: string }, ctx) {
    const m = ENTITY_ARN.exec(input.EntityArn);
    if (!m) throw invalidInput(`Entity ${input.EntityArn} is not supported. The only supported entity type is delegation-request.`);
    const row = getRequest(ctx, m[2]);
    const locale = input.Locale ?? "en";
    if (!/^en([-_][A-Za-z]{2})?$/.test(locale)) return { Locale: locale, SummaryState: "NOT_SUPPORTED" };
    return { SummaryContent: summary(ctx, row), Locale: locale, SummaryState: "AVAILABLE" };
  },
};
