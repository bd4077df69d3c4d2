import type { Ctx, Handlers } from "../context";
import { sql } from "../store/db";
import { managementOnly, managementOrDelegated } from "./access";
import { checkPolicyContent, limitsOf } from "./policy-content";
import { constraint, invalidInputReason, isoMs, newPolicyId, orgError, paged, type Org, type PageInput } from "./shared";
import { checkTags, putOrgTags, type Tag } from "./tags";
import { findPolicy, policyOut, policySummaryOut, type PolicyRow } from "./views";

export const policyNotFound = () => orgError("PolicyNotFoundException", "We can't find a policy with the PolicyId that you specified.");

export function policy(ctx: Ctx, org: Org, policyId: string): PolicyRow {
  const p = findPolicy(ctx.db, org, policyId);
  if (!p) throw policyNotFound();
  return p;
}

/** A policy this organization owns: AWS managed ones "can't be modified". */
function ownPolicy(ctx: Ctx, org: Org, policyId: string): PolicyRow {
  const p = policy(ctx, org, policyId);
  if (p.org_id === "aws") throw invalidInputReason("IMMUTABLE_POLICY");
  return p;
}

function checkNameFree(ctx: Ctx, org: Org, type: string, name: string, except?: string): void {
  const taken = sql(ctx.db, "SELECT policy_id FROM org_policies WHERE org_id = ? AND policy_type = ? AND name = ?").get(
    org.org_id,
    type,
    name,
  ) as { policy_id: string } | undefined;
  if (taken && taken.policy_id !== except) throw orgError("DuplicatePolicyException", "A policy with the same name already exists.");
}

const policyTypeNotAvailable = () =>
  orgError(
    "PolicyTypeNotAvailableForOrganizationException",
    "You can't use the specified policy type with the feature set currently enabled for this organization. For example, you can enable SCPs only after you enable all features in the organization.",
  );

type CreateInput = { Content: string; Description: string; Name: string; Type: string; Tags?: Tag[] };
type UpdateInput = { PolicyId: string; Name?: string; Description?: string; Content?: string };

export const policiesHandlers: Handlers = {
  CreatePolicy(input: CreateInput, ctx: Ctx) {
    const { org } = managementOnly(ctx);
    if (org.feature_set !== "ALL") throw policyTypeNotAvailable();
    checkTags(input.Tags);
    checkPolicyContent(input.Type, input.Content);
    checkNameFree(ctx, org, input.Type, input.Name);
    const { n } = sql(ctx.db, "SELECT COUNT(*) AS n FROM org_policies WHERE org_id = ? AND policy_type = ?").get(
      org.org_id,
      input.Type,
    ) as {
      n: number;
    };
    if (n >= limitsOf(input.Type).perOrg) throw constraint("POLICY_NUMBER_LIMIT_EXCEEDED");
    const row: PolicyRow = {
      policy_id: newPolicyId(),
      org_id: org.org_id,
      policy_type: input.Type,
      name: input.Name,
      description: input.Description,
      content: input.Content,
      create_date: isoMs(ctx.now),
    };
    sql(
      ctx.db,
      `INSERT INTO org_policies (policy_id, org_id, policy_type, name, description, content, create_date)
       VALUES ($policy_id, $org_id, $policy_type, $name, $description, $content, $create_date)`,
    ).run(row);
    putOrgTags(ctx.db, row.policy_id, input.Tags);
    return { Policy: policyOut(org, row) };
  },

  DescribePolicy(input: { PolicyId: string }, ctx: Ctx) {
    const { org } = managementOrDelegated(ctx);
    return { Policy: policyOut(org, policy(ctx, org, input.PolicyId)) };
  },

  UpdatePolicy(input: UpdateInput, ctx: Ctx) {
    const { org } = managementOnly(ctx);
    const row = ownPolicy(ctx, org, input.PolicyId);
    if (input.Content !== undefined) checkPolicyContent(row.policy_type, input.Content);
    if (input.Name !== undefined) checkNameFree(ctx, org, row.policy_type, input.Name, row.policy_id);
    const updated = {
      ...row,
      name: input.Name ?? row.name,
      description: input.Description ?? row.description,
      content: input.Content ?? row.content,
    };
    sql(ctx.db, "UPDATE org_policies SET name = ?, description = ?, content = ? WHERE policy_id = ?").run(
      updated.name,
      updated.description,
      updated.content,
      row.policy_id,
    );
    return { Policy: policyOut(org, updated) };
  },

  DeletePolicy(input: { PolicyId: string }, ctx: Ctx) {
    const { org } = managementOnly(ctx);
    const row = ownPolicy(ctx, org, input.PolicyId);
    if (sql(ctx.db, "SELECT 1 FROM org_attachments WHERE policy_id = ?").get(row.policy_id)) {
      throw orgError(
        "PolicyInUseException",
        "The policy is attached to one or more entities. You must detach it from all roots, OUs, and accounts before performing this operation.",
      );
    }
    sql(ctx.db, "DELETE FROM org_tags WHERE resource_id = ?").run(row.policy_id);
    sql(ctx.db, "DELETE FROM org_policies WHERE policy_id = ?").run(row.policy_id);
  },

  ListPolicies(input: { Filter: string } & PageInput, ctx: Ctx) {
    const { org } = managementOrDelegated(ctx);
    const rows = sql(
      ctx.db,
      "SELECT * FROM org_policies WHERE org_id IN ('aws', ?) AND policy_type = ? ORDER BY org_id = 'aws' DESC, create_date, policy_id",
    ).all(org.org_id, input.Filter) as PolicyRow[];
    return paged(input, rows, "Policies", (p) => policySummaryOut(org, p));
  },
};
