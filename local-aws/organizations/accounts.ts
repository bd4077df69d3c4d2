import type { Ctx, Handlers } from "../context";
import { sql } from "../store/db";
import { getAccount } from "../accounts";
import { inOrganization, managementOnly, managementOrDelegated } from "./access";
import { constraint, isoMs, orgError, paged, type Org, type PageInput } from "./shared";
import { childAccounts, containerExists, forgetTarget, memberOf, orgMembers, type MemberRow } from "./tree";
import { accountOut } from "./views";

export const accountNotFound = () => orgError("AccountNotFoundException", "You specified an account that doesn't exist.");

export function member(ctx: Ctx, org: Org, accountId: string): MemberRow {
  const m = memberOf(ctx.db, org, accountId);
  if (!m) throw accountNotFound();
  return m;
}

const masterCannotLeave = () =>
  orgError(
    "MasterCannotLeaveOrganizationException",
    "You can't remove a management account from an organization. If you want the management account to become a member account in another organization, you must first delete the current organization of the management account.",
  );

/**
 * An account leaves (LeaveOrganization) or is removed (RemoveAccountFromOrganization): never the management
 * account, nor a delegated administrator, nor a created account younger than the wait period (invited ones are
 * not subject to it). Its attachments and tags go with it; it becomes a standalone account.
 */
function removeMember(ctx: Ctx, org: Org, m: MemberRow): void {
  if (m.account_id === org.management_account_id) throw masterCannotLeave();
  if (sql(ctx.db, "SELECT 1 FROM org_delegated_admins WHERE org_id = ? AND account_id = ?").get(org.org_id, m.account_id)) {
    throw constraint("CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG");
  }
  const age = (ctx.now.getTime() - Date.parse(m.joined_timestamp)) / 1000;
  if (m.joined_method === "CREATED" && age < ctx.settings.createdAccountMinAgeSeconds) throw constraint("WAIT_PERIOD_ACTIVE");
  forgetTarget(ctx.db, m.account_id);
  sql(ctx.db, "DELETE FROM org_members WHERE account_id = ?").run(m.account_id);
}

type MoveInput = { AccountId: string; SourceParentId: string; DestinationParentId: string };

export const accountsHandlers: Handlers = {
  DescribeAccount(input: { AccountId: string }, ctx: Ctx) {
    const { org } = managementOrDelegated(ctx);
    return { Account: accountOut(ctx.db, org, member(ctx, org, input.AccountId)) };
  },

  ListAccounts(input: PageInput, ctx: Ctx) {
    const { org } = managementOrDelegated(ctx);
    return paged(input, orgMembers(ctx.db, org.org_id), "Accounts", (m) => accountOut(ctx.db, org, m));
  },

  ListAccountsForParent(input: { ParentId: string } & PageInput, ctx: Ctx) {
    const { org } = managementOrDelegated(ctx);
    if (!containerExists(ctx.db, org, input.ParentId)) {
      throw orgError("ParentNotFoundException", "We can't find a root or OU with the ParentId that you specified.");
    }
    return paged(input, childAccounts(ctx.db, input.ParentId), "Accounts", (m) => accountOut(ctx.db, org, m));
  },

  /** AWS says "You specified an account that doesn't exist." also when the account isn't under SourceParentId. */
  MoveAccount(input: MoveInput, ctx: Ctx) {
    const { org } = managementOnly(ctx);
    const m = member(ctx, org, input.AccountId);
    if (!containerExists(ctx.db, org, input.SourceParentId)) {
      throw orgError("SourceParentNotFoundException", "We can't find a source root or OU with the ParentId that you specified.");
    }
    if (!containerExists(ctx.db, org, input.DestinationParentId)) {
      throw orgError(
        "DestinationParentNotFoundException",
        "We can't find the destination container (a root or OU) with the ParentId that you specified.",
      );
    }
    if (m.parent_id !== input.SourceParentId) throw accountNotFound();
    if (input.SourceParentId === input.DestinationParentId) {
      throw orgError("DuplicateAccountException", "That account is already present in the specified destination.");
    }
    sql(ctx.db, "UPDATE org_members SET parent_id = ? WHERE account_id = ?").run(input.DestinationParentId, m.account_id);
  },

  RemoveAccountFromOrganization(input: { AccountId: string }, ctx: Ctx) {
    const { org } = managementOnly(ctx);
    removeMember(ctx, org, member(ctx, org, input.AccountId));
  },

  LeaveOrganization(_input, ctx: Ctx) {
    const { org, member: m } = inOrganization(ctx);
    removeMember(ctx, org, m);
  },

  /** Closing is asynchronous: PENDING_CLOSURE now, SUSPENDED once settled (see settle.ts). */
  CloseAccount(input: { AccountId: string }, ctx: Ctx) {
    const { org } = managementOnly(ctx);
    const m = member(ctx, org, input.AccountId);
    if (m.account_id === org.management_account_id) throw constraint("CANNOT_CLOSE_MANAGEMENT_ACCOUNT");
    if (getAccount(ctx.db, m.account_id)?.state !== "ACTIVE") {
      throw orgError("AccountAlreadyClosedException", "You attempted to close an account that is already closed.");
    }
    sql(ctx.db, "UPDATE accounts SET state = 'PENDING_CLOSURE', state_date = ? WHERE account_id = ?").run(isoMs(ctx.now), m.account_id);
  },
};
