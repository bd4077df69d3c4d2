import type { Ctx, Handlers } from "../context";
import { sql } from "../store/db";
import { managementOnly, managementOrDelegated } from "./access";
import { FULL_AWS_ACCESS, RCP_FULL_AWS_ACCESS } from "./managed";
import { orgError, paged, type Org, type PageInput } from "./shared";
import { attachPolicy, enabledPolicyTypes, getRoot, orgMembers, type RootRow } from "./tree";
import { rootOut } from "./views";

type TypeInput = { RootId: string; PolicyType: string };

const DEFAULT_POLICY: Record<string, string> = {
  [FULL_AWS_ACCESS.type]: FULL_AWS_ACCESS.id,
  [RCP_FULL_AWS_ACCESS.type]: RCP_FULL_AWS_ACCESS.id,
};

function root(ctx: Ctx, org: Org, rootId: string): RootRow {
  const r = getRoot(ctx.db, org, rootId);
  if (!r) throw orgError("RootNotFoundException", "We can't find a root with the RootId that you specified.");
  return r;
}

/** Enabling SCPs (RCPs) attaches FullAWSAccess (RCPFullAWSAccess) to the root, every OU and every account. */
function attachEverywhere(ctx: Ctx, org: Org, rootId: string, policyId: string): void {
  const ous = sql(ctx.db, "SELECT ou_id FROM org_units WHERE org_id = ? ORDER BY create_date").all(org.org_id) as { ou_id: string }[];
  const targets = [rootId, ...ous.map((o) => o.ou_id), ...orgMembers(ctx.db, org.org_id).map((m) => m.account_id)];
  for (const t of targets) attachPolicy(ctx.db, org, policyId, t);
}

export const rootsHandlers: Handlers = {
  ListRoots(input: PageInput, ctx: Ctx) {
    const { org } = managementOrDelegated(ctx);
    const roots = sql(ctx.db, "SELECT * FROM org_roots WHERE org_id = ?").all(org.org_id) as RootRow[];
    return paged(input, roots, "Roots", (r) => rootOut(ctx.db, org, r));
  },

  EnablePolicyType(input: TypeInput, ctx: Ctx) {
    const { org } = managementOnly(ctx);
    const r = root(ctx, org, input.RootId);
    if (org.feature_set !== "ALL") {
      throw orgError(
        "PolicyTypeNotAvailableForOrganizationException",
        "You can't use the specified policy type with the feature set currently enabled for this organization. For example, you can enable SCPs only after you enable all features in the organization.",
      );
    }
    if (enabledPolicyTypes(ctx.db, r.root_id).includes(input.PolicyType)) {
      throw orgError("PolicyTypeAlreadyEnabledException", "The specified policy type is already enabled in the specified root.");
    }
    sql(ctx.db, "INSERT INTO org_root_policy_types (root_id, policy_type, status) VALUES (?, ?, 'ENABLED')").run(
      r.root_id,
      input.PolicyType,
    );
    const policyId = DEFAULT_POLICY[input.PolicyType];
    if (policyId) attachEverywhere(ctx, org, r.root_id, policyId);
    return { Root: rootOut(ctx.db, org, r) };
  },

  /** Detaches every policy of the type, keeping the policies (re-enabling SCPs attaches only FullAWSAccess again). */
  DisablePolicyType(input: TypeInput, ctx: Ctx) {
    const { org } = managementOnly(ctx);
    const r = root(ctx, org, input.RootId);
    if (!enabledPolicyTypes(ctx.db, r.root_id).includes(input.PolicyType)) {
      throw orgError("PolicyTypeNotEnabledException", "This operation can be performed only for enabled policy types.");
    }
    sql(ctx.db, "DELETE FROM org_root_policy_types WHERE root_id = ? AND policy_type = ?").run(r.root_id, input.PolicyType);
    sql(
      ctx.db,
      "DELETE FROM org_attachments WHERE org_id = ? AND policy_id IN (SELECT policy_id FROM org_policies WHERE policy_type = ?)",
    ).run(org.org_id, input.PolicyType);
    return { Root: rootOut(ctx.db, org, r) };
  },
};
