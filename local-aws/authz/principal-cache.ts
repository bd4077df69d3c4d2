import type { Db } from "../store/db";
import { sql } from "../store/db";
import { compilePolicy, type CompiledPolicy } from "../../lib/policy/evaluate";
import { principalPolicies } from "./principal-policies";
import type { Keys } from "./checks";

/** What enforcement needs of a principal that only a write can change: its compiled policies and its tags. */
export type PrincipalData = { identity: CompiledPolicy[]; boundary?: CompiledPolicy; tags: Keys };

type Cache = { generation: number; byArn: Map<string, PrincipalData> };

const MAX_PRINCIPALS = 1000;
const caches = new WeakMap<Db, Cache>();
const generations = new WeakMap<Db, number>();

/**
 * Called after every request that may have written (any IAM action but Get/List/Simulate, every /_clef/ route):
 * cached principals are rebuilt on their next request. Reads, the bulk of a console's traffic, reuse them.
 */
export function iamStateChanged(db: Db): void {
  generations.set(db, (generations.get(db) ?? 0) + 1);
}

function load(db: Db, arn: string, userId: string | undefined): PrincipalData {
  const policies = principalPolicies(db, arn);
  const tags: Keys = {};
  if (userId) {
    const rows = sql(db, "SELECT key, value FROM tags WHERE resource_type = 'user' AND resource_id = ?").all(userId) as { key: string; value: string }[];
    for (const t of rows) tags[`aws:PrincipalTag/${t.key}`] = t.value;
  }
  return {
    identity: (policies?.identity ?? []).map(compilePolicy),
    ...(policies?.boundary ? { boundary: compilePolicy(policies.boundary) } : {}),
    tags,
  };
}

/** The principal's policies and tags, from the cache while nothing has been written since they were read. */
export function principalData(db: Db, arn: string, userId: string | undefined): PrincipalData {
  const generation = generations.get(db) ?? 0;
  let cache = caches.get(db);
  if (!cache || cache.generation !== generation) caches.set(db, (cache = { generation, byArn: new Map() }));
  let data = cache.byArn.get(arn);
  if (!data) {
    if (cache.byArn.size >= MAX_PRINCIPALS) cache.byArn.clear();
    cache.byArn.set(arn, (data = load(db, arn, userId)));
  }
  return data;
}
