import type { Ctx, Handlers } from "../context";
import { sql } from "../store/db";
import { invalidInput, limitExceeded } from "../protocol/errors";
import { MAX_TAGS, arrayPage, listTags, pageOut, type Tag } from "./shared";
import { assertOwnPolicy, getPolicyRow } from "./policy-model";

/**
 * Unlike users' and roles', policy tag keys are case-sensitive ("a" and "A" are two tags), so the
 * tags table's key_lc column holds the exact key for resource_type 'policy'.
 */
export function putPolicyTags(ctx: Ctx, policyId: string, tags: Tag[] | undefined): void {
  if (!tags?.length) return;
  const keys = new Set<string>();
  for (const t of tags) {
    if (keys.has(t.Key)) throw invalidInput("Duplicate tag keys found.");
    if (t.Key.toLowerCase().startsWith("aws:")) throw invalidInput("User tag keys cannot start with 'aws:'.");
    keys.add(t.Key);
  }
  const existing = listTags(ctx, "policy", policyId).map((t) => t.Key);
  if (new Set([...existing, ...keys]).size > MAX_TAGS) throw limitExceeded("The number of tags has reached the maximum limit.");
  const upsert = sql(
    ctx.db,
    `INSERT INTO tags (resource_type, resource_id, key, key_lc, value, seq)
     VALUES ('policy', ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM tags WHERE resource_type = 'policy' AND resource_id = ?))
     ON CONFLICT (resource_type, resource_id, key_lc) DO UPDATE SET value = excluded.value`,
  );
  for (const t of tags) upsert.run(policyId, t.Key, t.Key, t.Value ?? "", policyId);
}

/** ListPolicyTags orders keys by length, then by code point, as AWS returns them. */
const byLengthThenKey = (a: Tag, b: Tag) => a.Key.length - b.Key.length || (a.Key < b.Key ? -1 : a.Key > b.Key ? 1 : 0);

export const policyTagsHandlers: Handlers = {
  TagPolicy(input: { PolicyArn: string; Tags: Tag[] }, ctx) {
    assertOwnPolicy(ctx, input.PolicyArn, "Cannot update policies outside your own account.");
    putPolicyTags(ctx, getPolicyRow(ctx, input.PolicyArn).policy_id, input.Tags);
  },

  UntagPolicy(input: { PolicyArn: string; TagKeys: string[] }, ctx) {
    assertOwnPolicy(ctx, input.PolicyArn, "Cannot update policies outside your own account.");
    const p = getPolicyRow(ctx, input.PolicyArn);
    const del = sql(ctx.db, "DELETE FROM tags WHERE resource_type = 'policy' AND resource_id = ? AND key_lc = ?");
    for (const key of input.TagKeys) del.run(p.policy_id, key);
  },

  ListPolicyTags(input: { PolicyArn: string; Marker?: string; MaxItems?: number }, ctx) {
    const tags = listTags(ctx, "policy", getPolicyRow(ctx, input.PolicyArn).policy_id).sort(byLengthThenKey);
    return pageOut(arrayPage(input, tags), "Tags", (t) => t);
  },
};
