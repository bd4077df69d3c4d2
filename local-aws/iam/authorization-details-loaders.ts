import type { Ctx } from "../context";
import { sql } from "../store/db";
import { encodeDocument, type Tag } from "./shared";

/**
 * Per-page batch loads for GetAccountAuthorizationDetails: one query per relation for the whole page
 * (ids passed as one JSON array), never one per entity.
 */
type EntityType = "user" | "group" | "role";

const IDS = "SELECT value FROM json_each(?)";

function grouped<R extends { owner: string }, T>(rows: R[], map: (r: R) => T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.owner);
    if (list) list.push(map(r));
    else out.set(r.owner, [map(r)]);
  }
  return out;
}

export function inlinePolicies(ctx: Ctx, type: EntityType, ids: string[]) {
  const rows = sql(
    ctx.db,
    `SELECT entity_id AS owner, name, document FROM inline_policies
     WHERE entity_type = ? AND entity_id IN (${IDS}) ORDER BY name`,
  ).all(type, JSON.stringify(ids)) as { owner: string; name: string; document: string }[];
  return grouped(rows, (r) => ({ PolicyName: r.name, PolicyDocument: encodeDocument(r.document) }));
}

export function attachedPolicies(ctx: Ctx, type: EntityType, ids: string[]) {
  const rows = sql(
    ctx.db,
    `SELECT a.entity_id AS owner, a.policy_arn, p.name FROM attachments a JOIN policies p ON p.arn = a.policy_arn
     WHERE a.entity_type = ? AND a.entity_id IN (${IDS}) ORDER BY a.seq`,
  ).all(type, JSON.stringify(ids)) as { owner: string; policy_arn: string; name: string }[];
  return grouped(rows, (r) => ({ PolicyName: r.name, PolicyArn: r.policy_arn }));
}

export function tagsOf(ctx: Ctx, type: "user" | "role", ids: string[]): Map<string, Tag[]> {
  const rows = sql(
    ctx.db,
    `SELECT resource_id AS owner, key, value FROM tags WHERE resource_type = ? AND resource_id IN (${IDS}) ORDER BY seq`,
  ).all(type, JSON.stringify(ids)) as { owner: string; key: string; value: string }[];
  return grouped(rows, (r) => ({ Key: r.key, Value: r.value }));
}

export function groupNamesOf(ctx: Ctx, userIds: string[]) {
  const rows = sql(
    ctx.db,
    `SELECT m.user_id AS owner, g.name FROM group_members m JOIN groups g ON g.group_id = m.group_id
     WHERE m.user_id IN (${IDS}) ORDER BY g.name_lc`,
  ).all(JSON.stringify(userIds)) as { owner: string; name: string }[];
  return grouped(rows, (r) => r.name);
}

type InstanceProfileRow = { owner: string; instance_profile_id: string; name: string; path: string; arn: string; create_date: string };

export function instanceProfilesOf(ctx: Ctx, roleIds: string[]) {
  const rows = sql(
    ctx.db,
    `SELECT r.role_id AS owner, ip.instance_profile_id, ip.name, ip.path, ip.arn, ip.create_date
     FROM instance_profile_roles r JOIN instance_profiles ip ON ip.instance_profile_id = r.instance_profile_id
     WHERE r.role_id IN (${IDS}) ORDER BY ip.name_lc`,
  ).all(JSON.stringify(roleIds)) as InstanceProfileRow[];
  return grouped(rows, (r) => r);
}

export function policyVersionsOf(ctx: Ctx, policies: { policy_id: string; default_version_id: string }[]) {
  const defaults = new Map(policies.map((p) => [p.policy_id, p.default_version_id]));
  const rows = sql(
    ctx.db,
    `SELECT policy_id AS owner, version_id, document, create_date FROM policy_versions
     WHERE policy_id IN (${IDS}) ORDER BY CAST(substr(version_id, 2) AS INTEGER) DESC`,
  ).all(JSON.stringify([...defaults.keys()])) as { owner: string; version_id: string; document: string; create_date: string }[];
  return grouped(rows, (r) => ({
    Document: encodeDocument(r.document),
    VersionId: r.version_id,
    IsDefaultVersion: defaults.get(r.owner) === r.version_id,
    CreateDate: new Date(r.create_date),
  }));
}

/** How many of this account's principals attach each policy, and how many use it as their permissions boundary. */
export function policyUsage(ctx: Ctx, arns: string[]) {
  const ids = JSON.stringify(arns);
  const attachments = new Map(
    (
      sql(
        ctx.db,
        `SELECT policy_arn AS arn, COUNT(*) AS n FROM attachments WHERE account_id = ? AND policy_arn IN (${IDS}) GROUP BY policy_arn`,
      ).all(ctx.accountId, ids) as { arn: string; n: number }[]
    ).map((r) => [r.arn, r.n]),
  );
  // Through the boundary indexes (`+account_id` keeps the planner off the name index, which walks every principal).
  const boundary = (table: string) =>
    `SELECT permissions_boundary AS arn, COUNT(*) AS n FROM ${table}
     WHERE permissions_boundary IN (${IDS}) AND +account_id = ? GROUP BY permissions_boundary`;
  const boundaries = new Map<string, number>();
  const rows = sql(ctx.db, `${boundary("users")} UNION ALL ${boundary("roles")}`).all(ids, ctx.accountId, ids, ctx.accountId) as {
    arn: string;
    n: number;
  }[];
  for (const r of rows) boundaries.set(r.arn, (boundaries.get(r.arn) ?? 0) + r.n);
  return { attachments, boundaries };
}
