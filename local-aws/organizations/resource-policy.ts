import type { Ctx, Handlers } from "../context";
import { sql } from "../store/db";
import { managementOnly, managementOrDelegated } from "./access";
import { invalidInputReason, newResourcePolicyId, orgError, resourcePolicyArn, type Org } from "./shared";
import { checkTags, putOrgTags, type Tag } from "./tags";

/** The organization's resource-based policy (delegating Organizations actions to member accounts): stored, not enforced. */

type ResourcePolicyRow = { org_id: string; policy_id: string; content: string };

const notFound = () =>
  orgError("ResourcePolicyNotFoundException", "We can't find a resource policy request with the parameter that you specified.");

const find = (ctx: Ctx, org: Org) =>
  sql(ctx.db, "SELECT * FROM org_resource_policies WHERE org_id = ?").get(org.org_id) as ResourcePolicyRow | undefined;

const out = (org: Org, r: ResourcePolicyRow) => ({
  ResourcePolicySummary: { Id: r.policy_id, Arn: resourcePolicyArn(org, r.policy_id) },
  Content: r.content,
});

/** A JSON policy whose statements name only Organizations actions. */
function checkContent(content: string): void {
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch {
    throw invalidInputReason("INVALID_RESOURCE_POLICY_JSON");
  }
  const statements = (doc as { Statement?: unknown })?.Statement;
  const list = Array.isArray(statements) ? statements : [statements];
  if (typeof doc !== "object" || doc === null || statements === undefined) throw invalidInputReason("INVALID_RESOURCE_POLICY_JSON");
  for (const s of list as { Action?: unknown; Principal?: unknown }[]) {
    if (typeof s !== "object" || s === null) throw invalidInputReason("INVALID_RESOURCE_POLICY_JSON");
    if (s.Principal === undefined) throw invalidInputReason("INVALID_PRINCIPAL");
    const actions = Array.isArray(s.Action) ? s.Action : [s.Action];
    if (!actions.every((a) => typeof a === "string" && a.toLowerCase().startsWith("organizations:"))) {
      throw invalidInputReason("UNSUPPORTED_ACTION_IN_RESOURCE_POLICY");
    }
  }
}

export const resourcePolicyHandlers: Handlers = {
  PutResourcePolicy(input: { Content: string; Tags?: Tag[] }, ctx: Ctx) {
    const { org } = managementOnly(ctx);
    checkContent(input.Content);
    checkTags(input.Tags);
    const existing = find(ctx, org);
    const row = { org_id: org.org_id, policy_id: existing?.policy_id ?? newResourcePolicyId(), content: input.Content };
    sql(
      ctx.db,
      "INSERT INTO org_resource_policies (org_id, policy_id, content) VALUES (?, ?, ?) ON CONFLICT (org_id) DO UPDATE SET content = excluded.content",
    ).run(row.org_id, row.policy_id, row.content);
    putOrgTags(ctx.db, row.policy_id, input.Tags);
    return { ResourcePolicy: out(org, row) };
  },

  DescribeResourcePolicy(_input, ctx: Ctx) {
    const { org } = managementOrDelegated(ctx);
    const row = find(ctx, org);
    if (!row) throw notFound();
    return { ResourcePolicy: out(org, row) };
  },

  DeleteResourcePolicy(_input, ctx: Ctx) {
    const { org } = managementOnly(ctx);
    const row = find(ctx, org);
    if (!row) throw notFound();
    sql(ctx.db, "DELETE FROM org_tags WHERE resource_id = ?").run(row.policy_id);
    sql(ctx.db, "DELETE FROM org_resource_policies WHERE org_id = ?").run(org.org_id);
  },
};
