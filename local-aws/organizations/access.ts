import type { Ctx } from "../context";
import { sql } from "../store/db";
import { accessDeniedOrg, notInUse, type Org } from "./shared";
import { getMember, getOrg, type MemberRow } from "./tree";

/**
 * Who may call what, before IAM policies are even asked: an account outside any organization knows of none
 * (AWSOrganizationsNotInUseException); operations AWS keeps for the management account answer members with
 * AccessDeniedException "You don't have permissions to access this resource." Delegated administrators of any
 * service may use the read operations AWS opens to them; delegation of writes through the organization's resource
 * policy is stored, not honoured.
 */

export type Membership = { org: Org; member: MemberRow; management: boolean };

export function membership(ctx: Ctx): Membership | undefined {
  const member = getMember(ctx.db, ctx.accountId);
  const org = member && getOrg(ctx.db, member.org_id);
  return org && member ? { org, member, management: org.management_account_id === ctx.accountId } : undefined;
}

/** Any account of an organization. */
export function inOrganization(ctx: Ctx): Membership {
  const m = membership(ctx);
  if (!m) throw notInUse();
  return m;
}

export function managementOnly(ctx: Ctx): Membership {
  const m = inOrganization(ctx);
  if (!m.management) throw accessDeniedOrg();
  return m;
}

export const isDelegatedAdministrator = (ctx: Ctx, org: Org) =>
  sql(ctx.db, "SELECT 1 FROM org_delegated_admins WHERE org_id = ? AND account_id = ?").get(org.org_id, ctx.accountId) !== undefined;

/** The management account, or a member that is a delegated administrator for some service (read operations). */
export function managementOrDelegated(ctx: Ctx): Membership {
  const m = inOrganization(ctx);
  if (!m.management && !isDelegatedAdministrator(ctx, m.org)) throw accessDeniedOrg();
  return m;
}
