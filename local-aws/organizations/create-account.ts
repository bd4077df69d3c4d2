import type { Ctx, Handlers } from "../context";
import { sql } from "../store/db";
import { accountByEmail, insertAccount, newAccountId } from "../accounts";
import { iamHandlers } from "../iam";
import { managementOnly, managementOrDelegated } from "./access";
import { constraint, invalidInputReason, isoMs, newCreateAccountRequestId, orgError, paged, type Org, type PageInput } from "./shared";
import { checkTags, putOrgTags, type Tag } from "./tags";
import { attachDefaults, getOrg, orgMembers, rootOf } from "./tree";

type CreateAccountInput = { Email: string; AccountName: string; RoleName?: string; IamUserAccessToBilling?: string; Tags?: Tag[] };

export type CreateAccountRequest = {
  request_id: string;
  org_id: string;
  account_name: string;
  email: string;
  role_name: string;
  iam_user_access_to_billing: string;
  tags: string;
  state: "IN_PROGRESS" | "SUCCEEDED" | "FAILED";
  requested: string;
  completed: string | null;
  account_id: string | null;
  failure_reason: string | null;
};

export const DEFAULT_ROLE_NAME = "OrganizationAccountAccessRole";
const ADMINISTRATOR_ACCESS = "arn:aws:iam::aws:policy/AdministratorAccess";

const statusOut = (r: CreateAccountRequest) => ({
  Id: r.request_id,
  AccountName: r.account_name,
  State: r.state,
  RequestedTimestamp: new Date(r.requested),
  ...(r.completed ? { CompletedTimestamp: new Date(r.completed) } : {}),
  ...(r.account_id ? { AccountId: r.account_id } : {}),
  ...(r.failure_reason ? { FailureReason: r.failure_reason } : {}),
});

/** Accounts and open invitations count against the organization's account quota (closed accounts too). */
export function accountsCounted(ctx: Ctx, org: Org): number {
  const invites = sql(
    ctx.db,
    "SELECT COUNT(*) AS n FROM org_handshakes WHERE org_id = ? AND action = 'INVITE' AND state IN ('REQUESTED', 'OPEN')",
  ).get(org.org_id) as { n: number };
  return orgMembers(ctx.db, org.org_id).length + invites.n;
}

/** The role the management account reaches the new account through: trusted by the management account's root, admin. */
function createAccessRole(ctx: Ctx, org: Org, accountId: string, roleName: string): void {
  const caller = { type: "root" as const, accountId, arn: `arn:aws:iam::${accountId}:root`, userId: accountId, accessKeyId: "" };
  const inAccount: Ctx = { ...ctx, accountId, caller };
  const trust = {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${org.management_account_id}:root` }, Action: "sts:AssumeRole" }],
  };
  iamHandlers.CreateRole({ RoleName: roleName, AssumeRolePolicyDocument: JSON.stringify(trust) }, inAccount);
  iamHandlers.AttachRolePolicy({ RoleName: roleName, PolicyArn: ADMINISTRATOR_ACCESS }, inAccount);
}

/** Completes one IN_PROGRESS request: the quota and the email are checked now, as AWS reports them asynchronously. */
export function completeCreateAccount(ctx: Ctx, r: CreateAccountRequest): void {
  const org = getOrg(ctx.db, r.org_id);
  const finish = (fields: { state: string; account_id?: string; failure_reason?: string }) =>
    sql(
      ctx.db,
      "UPDATE org_create_account_requests SET state = ?, completed = ?, account_id = ?, failure_reason = ? WHERE request_id = ?",
    ).run(fields.state, isoMs(ctx.now), fields.account_id ?? null, fields.failure_reason ?? null, r.request_id);
  if (!org) return void finish({ state: "FAILED", failure_reason: "INTERNAL_FAILURE" });
  if (accountByEmail(ctx.db, r.email)) return void finish({ state: "FAILED", failure_reason: "EMAIL_ALREADY_EXISTS" });
  if (accountsCounted(ctx, org) >= ctx.settings.accountsPerOrganization) {
    return void finish({ state: "FAILED", failure_reason: "ACCOUNT_LIMIT_EXCEEDED" });
  }
  const accountId = newAccountId(ctx.db);
  insertAccount(ctx.db, { accountId, kind: "member", name: r.account_name, email: r.email, now: ctx.now });
  sql(
    ctx.db,
    "INSERT INTO org_members (account_id, org_id, parent_id, joined_method, joined_timestamp) VALUES (?, ?, ?, 'CREATED', ?)",
  ).run(accountId, org.org_id, rootOf(ctx.db, org.org_id).root_id, isoMs(ctx.now));
  attachDefaults(ctx.db, org, accountId);
  putOrgTags(ctx.db, accountId, JSON.parse(r.tags) as Tag[]);
  createAccessRole(ctx, org, accountId, r.role_name);
  finish({ state: "SUCCEEDED", account_id: accountId });
}

function request(ctx: Ctx, org: Org, id: string): CreateAccountRequest {
  const r = sql(ctx.db, "SELECT * FROM org_create_account_requests WHERE request_id = ? AND org_id = ?").get(id, org.org_id) as
    CreateAccountRequest | undefined;
  if (!r) {
    throw orgError(
      "CreateAccountStatusNotFoundException",
      "We can't find an create account request with the CreateAccountRequestId that you specified.",
    );
  }
  return r;
}

export const createAccountHandlers: Handlers = {
  /** Asynchronous, as in AWS: the request is IN_PROGRESS now and settles on a later request (settle.ts). */
  CreateAccount(input: CreateAccountInput, ctx: Ctx) {
    const { org } = managementOnly(ctx);
    const roleName = input.RoleName ?? DEFAULT_ROLE_NAME;
    if (roleName.startsWith("AWSServiceRoleFor")) throw invalidInputReason("INVALID_ROLE_NAME");
    checkTags(input.Tags);
    const r: CreateAccountRequest = {
      request_id: newCreateAccountRequestId(),
      org_id: org.org_id,
      account_name: input.AccountName,
      email: input.Email,
      role_name: roleName,
      iam_user_access_to_billing: input.IamUserAccessToBilling ?? "ALLOW",
      tags: JSON.stringify(input.Tags ?? []),
      state: "IN_PROGRESS",
      requested: isoMs(ctx.now),
      completed: null,
      account_id: null,
      failure_reason: null,
    };
    sql(
      ctx.db,
      `INSERT INTO org_create_account_requests (request_id, org_id, account_name, email, role_name, iam_user_access_to_billing, tags,
         state, requested) VALUES ($request_id, $org_id, $account_name, $email, $role_name, $iam_user_access_to_billing, $tags, $state, $requested)`,
    ).run({ ...r, completed: undefined, account_id: undefined, failure_reason: undefined });
    return { CreateAccountStatus: statusOut(r) };
  },

  /** GovCloud accounts need a management account with a GovCloud (US) counterpart, which no local account has. */
  CreateGovCloudAccount(_input: CreateAccountInput, ctx: Ctx) {
    managementOnly(ctx);
    throw constraint("MASTER_ACCOUNT_NOT_GOVCLOUD_ENABLED");
  },

  DescribeCreateAccountStatus(input: { CreateAccountRequestId: string }, ctx: Ctx) {
    const { org } = managementOrDelegated(ctx);
    return { CreateAccountStatus: statusOut(request(ctx, org, input.CreateAccountRequestId)) };
  },

  ListCreateAccountStatus(input: { States?: string[] } & PageInput, ctx: Ctx) {
    const { org } = managementOrDelegated(ctx);
    const rows = sql(ctx.db, "SELECT * FROM org_create_account_requests WHERE org_id = ? ORDER BY requested, request_id").all(
      org.org_id,
    ) as CreateAccountRequest[];
    const states = input.States?.length ? new Set(input.States) : undefined;
    return paged(
      input,
      rows.filter((r) => !states || states.has(r.state)),
      "CreateAccountStatuses",
      statusOut,
    );
  },
};
