import type { Caller } from "../context";
import { sql, type Db } from "../store/db";

type Access = {
  account: string;
  type: "user" | "role";
  id: string;
  arn: string;
  service: string;
  action: string;
  region: string;
  when: string;
};

type Buffer = { pending: Map<string, Access>; timer?: NodeJS.Timeout };

const buffers = new WeakMap<Db, Buffer>();
const FLUSH_AFTER_MS = 1000;

/** The IAM entity last accessed data is kept for: the user, or the role behind a role session; none for root and others. */
function entityOf(caller: Caller): Pick<Access, "type" | "id" | "arn"> | undefined {
  if (caller.type === "user") return { type: "user", id: caller.userId, arn: caller.arn };
  if (caller.type === "assumed-role" && caller.role) return { type: "role", id: caller.role.id, arn: caller.role.arn };
  return undefined;
}

/**
 * Notes an authenticated attempt at an action, allowed or not ("all attempts to access an AWS API, not just the
 * successful ones"). The request path only updates a map; the rows are written together within a second, and before
 * anything reads them (flushAccess).
 */
export function recordAccess(db: Db, caller: Caller, service: string, action: string, region: string, when: Date): void {
  const entity = entityOf(caller);
  if (!entity) return;
  let buffer = buffers.get(db);
  if (!buffer) buffers.set(db, (buffer = { pending: new Map() }));
  const key = `${entity.id}\n${service}\n${action}`;
  buffer.pending.set(key, { account: caller.accountId, ...entity, service, action, region, when: when.toISOString() });
  if (!buffer.timer) {
    buffer.timer = setTimeout(() => flushAccess(db), FLUSH_AFTER_MS);
    buffer.timer.unref();
  }
}

/** Writes the noted attempts, in one transaction (or in the caller's). */
export function flushAccess(db: Db): void {
  const buffer = buffers.get(db);
  if (!buffer) return;
  clearTimeout(buffer.timer);
  buffer.timer = undefined;
  if (!buffer.pending.size || !db.open) return;
  const rows = [...buffer.pending.values()];
  buffer.pending.clear();
  const upsert = sql(
    db,
    `INSERT INTO last_accessed (account_id, entity_type, entity_id, entity_arn, service, action, region, last_accessed)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (entity_id, service, action) DO UPDATE SET entity_arn = excluded.entity_arn, region = excluded.region,
       last_accessed = excluded.last_accessed WHERE excluded.last_accessed >= last_accessed.last_accessed`,
  );
  db.transaction(() => {
    for (const r of rows) upsert.run(r.account, r.type, r.id, r.arn, r.service, r.action, r.region, r.when);
  })();
}

/** Drops the noted attempts not yet written: the store is being reset or restored, and their entities go with it. */
export function discardAccess(db: Db): void {
  const buffer = buffers.get(db);
  if (!buffer) return;
  clearTimeout(buffer.timer);
  buffer.timer = undefined;
  buffer.pending.clear();
}
