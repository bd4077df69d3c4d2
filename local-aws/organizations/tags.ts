import type { Ctx, Handlers } from "../context";
import type { Db } from "../store/db";
import { sql } from "../store/db";
import { managementOnly, managementOrDelegated } from "./access";
import { constraint, invalidInputReason, orgError, paged, type Org } from "./shared";
import { targetExists } from "./tree";

export type Tag = { Key: string; Value: string };

const MAX_TAGS = 50;

export const listOrgTags = (db: Db, resourceId: string): Tag[] =>
  (sql(db, "SELECT key, value FROM org_tags WHERE resource_id = ? ORDER BY seq").all(resourceId) as { key: string; value: string }[]).map(
    (t) => ({ Key: t.key, Value: t.value }),
  );

/** Request tags as Organizations checks them before anything is written: unique keys, no `aws:` keys. */
export function checkTags(tags: Tag[] | undefined): void {
  const seen = new Set<string>();
  for (const t of tags ?? []) {
    if (seen.has(t.Key)) throw invalidInputReason("DUPLICATE_TAG_KEY");
    seen.add(t.Key);
    if (t.Key.toLowerCase().startsWith("aws:")) throw invalidInputReason("INVALID_SYSTEM_TAGS_PARAMETER");
  }
}

/** Adds or overwrites tags, at most 50 per resource. */
export function putOrgTags(db: Db, resourceId: string, tags: Tag[] | undefined): void {
  if (!tags?.length) return;
  checkTags(tags);
  const keys = new Set([...listOrgTags(db, resourceId).map((t) => t.Key), ...tags.map((t) => t.Key)]);
  if (keys.size > MAX_TAGS) throw constraint("MAX_TAG_LIMIT_EXCEEDED");
  const { seq } = sql(db, "SELECT COALESCE(MAX(seq), 0) AS seq FROM org_tags WHERE resource_id = ?").get(resourceId) as { seq: number };
  const upsert = sql(
    db,
    `INSERT INTO org_tags (resource_id, key, value, seq) VALUES (?, ?, ?, ?)
     ON CONFLICT (resource_id, key) DO UPDATE SET value = excluded.value`,
  );
  tags.forEach((t, i) => upsert.run(resourceId, t.Key, t.Value, seq + i + 1));
}

/** Accounts, roots, OUs, the organization's own policies and its resource policy can carry tags. */
export function taggableExists(db: Db, org: Org, id: string): boolean {
  if (id.startsWith("p-"))
    return sql(db, "SELECT 1 FROM org_policies WHERE policy_id = ? AND org_id = ?").get(id, org.org_id) !== undefined;
  if (id.startsWith("rp-")) {
    return sql(db, "SELECT 1 FROM org_resource_policies WHERE policy_id = ? AND org_id = ?").get(id, org.org_id) !== undefined;
  }
  return targetExists(db, org, id);
}

function taggable(ctx: Ctx, org: Org, id: string): string {
  if (!taggableExists(ctx.db, org, id)) {
    throw orgError("TargetNotFoundException", "We can't find a root, OU, account, or policy with the TargetId that you specified.");
  }
  return id;
}

export const tagsHandlers: Handlers = {
  TagResource(input: { ResourceId: string; Tags: Tag[] }, ctx: Ctx) {
    const { org } = managementOnly(ctx);
    putOrgTags(ctx.db, taggable(ctx, org, input.ResourceId), input.Tags);
  },

  UntagResource(input: { ResourceId: string; TagKeys: string[] }, ctx: Ctx) {
    const { org } = managementOnly(ctx);
    const id = taggable(ctx, org, input.ResourceId);
    const del = sql(ctx.db, "DELETE FROM org_tags WHERE resource_id = ? AND key = ?");
    for (const k of input.TagKeys) del.run(id, k);
  },

  ListTagsForResource(input: { ResourceId: string; NextToken?: string }, ctx: Ctx) {
    const { org } = managementOrDelegated(ctx);
    return paged(input, listOrgTags(ctx.db, taggable(ctx, org, input.ResourceId)), "Tags", (t) => t);
  },
};
