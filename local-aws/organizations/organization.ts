import type { Ctx, Handlers } from "../context";
import type { Db } from "../store/db";
import { sql } from "../store/db";
import { getAccount } from "../accounts";
import { inOrganization, managementOnly } from "./access";
import { accountArn, alreadyInOrganization, constraint, isoMs, newOrgId, newRootId, organizationArn, orgError, type Org } from "./shared";
import { activeTransfer } from "./transfers";
import { getMember, orgMembers } from "./tree";

/**
 * AvailablePolicyTypes is deprecated and "doesn't include any policy type supported by Organizations other than
 * SCPs": AWS reports SCPs as ENABLED for every all-features organization, whatever its root has enabled.
 */
export function organizationOut(db: Db, org: Org) {
  const email = getAccount(db, org.management_account_id)?.email;
  return {
    Id: org.org_id,
    Arn: organizationArn(org),
    FeatureSet: org.feature_set,
    MasterAccountArn: accountArn(org, org.management_account_id),
    MasterAccountId: org.management_account_id,
    ...(email ? { MasterAccountEmail: email } : {}),
    AvailablePolicyTypes: org.feature_set === "ALL" ? [{ Type: "SERVICE_CONTROL_POLICY", Status: "ENABLED" }] : [],
  };
}

/** Everything an organization owns; its management account becomes standalone again. */
function deleteOrganizationData(db: Db, org: Org): void {
  const ids = `SELECT root_id FROM org_roots WHERE org_id = $o UNION SELECT ou_id FROM org_units WHERE org_id = $o
    UNION SELECT account_id FROM org_members WHERE org_id = $o UNION SELECT policy_id FROM org_policies WHERE org_id = $o
    UNION SELECT policy_id FROM org_resource_policies WHERE org_id = $o`;
  db.prepare(`DELETE FROM org_tags WHERE resource_id IN (${ids})`).run({ o: org.org_id });
  db.prepare("DELETE FROM org_root_policy_types WHERE root_id IN (SELECT root_id FROM org_roots WHERE org_id = ?)").run(org.org_id);
  for (const table of [
    "org_attachments",
    "org_policies",
    "org_units",
    "org_roots",
    "org_members",
    "org_create_account_requests",
    "org_handshakes",
    "org_delegated_admins",
    "org_service_access",
    "org_resource_policies",
    "org_organizations",
  ]) {
    db.prepare(`DELETE FROM ${table} WHERE org_id = ?`).run(org.org_id);
  }
  db.prepare("DELETE FROM org_responsibility_transfers WHERE target_org_id = ?").run(org.org_id);
}

export const organizationHandlers: Handlers = {
  CreateOrganization(input: { FeatureSet?: "ALL" | "CONSOLIDATED_BILLING" }, ctx: Ctx) {
    if (getMember(ctx.db, ctx.accountId)) throw alreadyInOrganization();
    const now = isoMs(ctx.now);
    const org: Org = { org_id: newOrgId(), management_account_id: ctx.accountId, feature_set: input.FeatureSet ?? "ALL", create_date: now };
    const rootId = newRootId();
    sql(ctx.db, "INSERT INTO org_organizations (org_id, management_account_id, feature_set, create_date) VALUES (?, ?, ?, ?)").run(
      org.org_id,
      org.management_account_id,
      org.feature_set,
      now,
    );
    // The API enables no policy type on the new root (the console enables SCPs itself).
    sql(ctx.db, "INSERT INTO org_roots (root_id, org_id, name) VALUES (?, ?, 'Root')").run(rootId, org.org_id);
    // AWS lists the management account as having joined by invitation when the organization was created.
    sql(
      ctx.db,
      "INSERT INTO org_members (account_id, org_id, parent_id, joined_method, joined_timestamp) VALUES (?, ?, ?, 'INVITED', ?)",
    ).run(ctx.accountId, org.org_id, rootId, now);
    return { Organization: organizationOut(ctx.db, org) };
  },

  DescribeOrganization(_input, ctx: Ctx) {
    return { Organization: organizationOut(ctx.db, inOrganization(ctx).org) };
  },

  DeleteOrganization(_input, ctx: Ctx) {
    const { org } = managementOnly(ctx);
    if (orgMembers(ctx.db, org.org_id).some((m) => m.account_id !== org.management_account_id)) {
      throw orgError(
        "OrganizationNotEmptyException",
        "To delete an organization you must first remove all member accounts (except the master).",
      );
    }
    if (activeTransfer(ctx, org)) throw constraint("ACTIVE_RESPONSIBILITY_TRANSFER_PROCESS");
    deleteOrganizationData(ctx.db, org);
  },
};
