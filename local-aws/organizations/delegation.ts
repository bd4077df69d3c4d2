import type { Ctx, Handlers } from "../context";
import { sql } from "../store/db";
import { getAccount } from "../accounts";
import { managementOnly, managementOrDelegated } from "./access";
import { accountNotFound, member } from "./accounts";
import { constraint, invalidInputReason, isoMs, orgError, paged, type Org, type PageInput } from "./shared";
import { accountOut } from "./views";

/**
 * Trusted access for AWS services and their delegated administrators: stored and listed as AWS does, with AWS's
 * checks; no local service acts on them.
 */

type DelegatedRow = { org_id: string; account_id: string; service_principal: string; delegation_date: string };
type ServiceAccessRow = { org_id: string; service_principal: string; date_enabled: string };
type DelegationInput = { AccountId: string; ServicePrincipal: string };

const SERVICE_PRINCIPAL = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/;

function servicePrincipal(principal: string): string {
  if (!SERVICE_PRINCIPAL.test(principal)) throw invalidInputReason("UNRECOGNIZED_SERVICE_PRINCIPAL");
  return principal;
}

function allFeatures(org: Org): void {
  if (org.feature_set !== "ALL") throw constraint("ORGANIZATION_NOT_IN_ALL_FEATURES_MODE");
}

const notRegistered = () =>
  orgError("AccountNotRegisteredException", "The specified account is not a delegated administrator for this Amazon Web Services service.");

const delegations = (ctx: Ctx, org: Org, accountId: string) =>
  sql(ctx.db, "SELECT * FROM org_delegated_admins WHERE org_id = ? AND account_id = ? ORDER BY delegation_date").all(
    org.org_id,
    accountId,
  ) as DelegatedRow[];

export const delegationHandlers: Handlers = {
  EnableAWSServiceAccess(input: { ServicePrincipal: string }, ctx: Ctx) {
    const { org } = managementOnly(ctx);
    allFeatures(org);
    sql(ctx.db, "INSERT OR IGNORE INTO org_service_access (org_id, service_principal, date_enabled) VALUES (?, ?, ?)").run(
      org.org_id,
      servicePrincipal(input.ServicePrincipal),
      isoMs(ctx.now),
    );
  },

  DisableAWSServiceAccess(input: { ServicePrincipal: string }, ctx: Ctx) {
    const { org } = managementOnly(ctx);
    allFeatures(org);
    sql(ctx.db, "DELETE FROM org_service_access WHERE org_id = ? AND service_principal = ?").run(
      org.org_id,
      servicePrincipal(input.ServicePrincipal),
    );
  },

  ListAWSServiceAccessForOrganization(input: PageInput, ctx: Ctx) {
    const { org } = managementOrDelegated(ctx);
    const rows = sql(ctx.db, "SELECT * FROM org_service_access WHERE org_id = ? ORDER BY date_enabled, service_principal").all(
      org.org_id,
    ) as ServiceAccessRow[];
    return paged(input, rows, "EnabledServicePrincipals", (r) => ({
      ServicePrincipal: r.service_principal,
      DateEnabled: new Date(r.date_enabled),
    }));
  },

  RegisterDelegatedAdministrator(input: DelegationInput, ctx: Ctx) {
    const { org } = managementOnly(ctx);
    allFeatures(org);
    const principal = servicePrincipal(input.ServicePrincipal);
    const m = member(ctx, org, input.AccountId);
    if (m.account_id === org.management_account_id) throw constraint("CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR");
    if (getAccount(ctx.db, m.account_id)?.state !== "ACTIVE")
      throw constraint("CANNOT_REGISTER_SUSPENDED_ACCOUNT_AS_DELEGATED_ADMINISTRATOR");
    if (!sql(ctx.db, "SELECT 1 FROM org_service_access WHERE org_id = ? AND service_principal = ?").get(org.org_id, principal)) {
      throw constraint("SERVICE_ACCESS_NOT_ENABLED");
    }
    if (delegations(ctx, org, m.account_id).some((d) => d.service_principal === principal)) {
      throw orgError(
        "AccountAlreadyRegisteredException",
        "The specified account is already a delegated administrator for this Amazon Web Services service.",
      );
    }
    sql(ctx.db, "INSERT INTO org_delegated_admins (org_id, account_id, service_principal, delegation_date) VALUES (?, ?, ?, ?)").run(
      org.org_id,
      m.account_id,
      principal,
      isoMs(ctx.now),
    );
  },

  DeregisterDelegatedAdministrator(input: DelegationInput, ctx: Ctx) {
    const { org } = managementOnly(ctx);
    const m = member(ctx, org, input.AccountId);
    const deleted = sql(ctx.db, "DELETE FROM org_delegated_admins WHERE org_id = ? AND account_id = ? AND service_principal = ?").run(
      org.org_id,
      m.account_id,
      input.ServicePrincipal,
    );
    if (!deleted.changes) throw notRegistered();
  },

  ListDelegatedAdministrators(input: { ServicePrincipal?: string } & PageInput, ctx: Ctx) {
    const { org } = managementOrDelegated(ctx);
    const rows = sql(ctx.db, "SELECT * FROM org_delegated_admins WHERE org_id = ? ORDER BY delegation_date, account_id").all(
      org.org_id,
    ) as DelegatedRow[];
    // One entry per account, dated by its first delegation (or by the named service's).
    const byAccount = new Map<string, DelegatedRow>();
    for (const r of rows) {
      if (input.ServicePrincipal !== undefined && r.service_principal !== input.ServicePrincipal) continue;
      if (!byAccount.has(r.account_id)) byAccount.set(r.account_id, r);
    }
    return paged(input, [...byAccount.values()], "DelegatedAdministrators", (r) => {
      const m = sql(ctx.db, "SELECT * FROM org_members WHERE account_id = ?").get(r.account_id);
      if (!m) throw accountNotFound();
      const { Paths: _paths, ...account } = accountOut(ctx.db, org, m as never);
      return { ...account, DelegationEnabledDate: new Date(r.delegation_date) };
    });
  },

  ListDelegatedServicesForAccount(input: { AccountId: string } & PageInput, ctx: Ctx) {
    const { org } = managementOrDelegated(ctx);
    const rows = delegations(ctx, org, member(ctx, org, input.AccountId).account_id);
    if (!rows.length) throw notRegistered();
    return paged(input, rows, "DelegatedServices", (r) => ({
      ServicePrincipal: r.service_principal,
      DelegationEnabledDate: new Date(r.delegation_date),
    }));
  },
};
