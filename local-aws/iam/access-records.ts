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

/** A request's use of an access key (GetAccessKeyLastUsed), and of the role behind a role session (RoleLastUsed). */
type KeyUse = { accessKeyId: string; service: string; region: string; when: string; roleId?: string };

type Buffer = { pending: Map<string, Access>; keyUses: Map<string, KeyUse>; timer?: NodeJS.Timeout };

const buffers = new WeakMap<Db, Buffer>();
const FLUSH_AFTER_MS = 1000;

/**
 * The actions whose answers show a key's or a role's last use: the uses noted so far are written before they run,
 * and their own use inside their transaction, so they read exactly what a write per request would have left.
 */
export const READS_LAST_USED = new Set([
  "GetAccessKeyLastUsed",
  "GetRole",
  "UpdateRoleDescription",
  "GetAccountAuthorizationDetails",
  "GenerateCredentialReport",
]);

function bufferOf(db: Db): Buffer {
  let buffer = buffers.get(db);
  if (!buffer) buffers.set(db, (buffer = { pending: new Map(), keyUses: new Map() }));
  if (!buffer.timer) {
    buffer.timer = setTimeout(() => flushAccess(db), FLUSH_AFTER_MS);
    buffer.timer.unref();
  }
  return buffer;
}

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
  const key = `${entity.id}\n${service}\n${action}`;
  bufferOf(db).pending.set(key, { account: caller.accountId, ...entity, service, action, region, when: when.toISOString() });
}

const keyUseOf = (caller: Caller, service: string, region: string, when: string): KeyUse | undefined =>
  caller.accessKeyId
    ? { accessKeyId: caller.accessKeyId, service, region, when, ...(caller.role ? { roleId: caller.role.id } : {}) }
    : undefined;

/** Notes a successful request's key use; like the attempts above, it is written within a second (AWS too is lazy). */
export function recordKeyUse(db: Db, caller: Caller, service: string, region: string, when: string): void {
  const use = keyUseOf(caller, service, region, when);
  if (use) bufferOf(db).keyUses.set(use.accessKeyId, use);
}

/** Writes one key use now, in the caller's transaction (for the READS_LAST_USED actions). */
export function writeKeyUse(db: Db, caller: Caller, service: string, region: string, when: string): void {
  const use = keyUseOf(caller, service, region, when);
  if (use) writeKeyUses(db, [use]);
}

function writeKeyUses(db: Db, uses: KeyUse[]): void {
  const key = sql(db, "UPDATE access_keys SET last_used_date = ?, last_used_service = ?, last_used_region = ? WHERE access_key_id = ?");
  const role = sql(db, "UPDATE roles SET last_used_date = ?, last_used_region = ? WHERE role_id = ?");
  for (const u of uses) {
    key.run(u.when, u.service, u.region, u.accessKeyId);
    if (u.roleId) role.run(u.when, u.region, u.roleId);
  }
}

/** Writes the noted attempts and key uses, in one transaction (or in the caller's). */
export function flushAccess(db: Db): void {
  const buffer = buffers.get(db);
  if (!buffer) return;
  clearTimeout(buffer.timer);
  buffer.timer = undefined;
  if ((!buffer.pending.size && !buffer.keyUses.size) || !db.open) return;
  const rows = [...buffer.pending.values()];
  const uses = [...buffer.keyUses.values()];
  buffer.pending.clear();
  buffer.keyUses.clear();
  const upsert = sql(
    db,
    `INSERT INTO last_accessed (account_id, entity_type, entity_id, entity_arn, service, action, region, last_accessed)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (entity_id, service, action) DO UPDATE SET entity_arn = excluded.entity_arn, region = excluded.region,
       last_accessed = excluded.last_accessed WHERE excluded.last_accessed >= last_accessed.last_accessed`,
  );
  db.transaction(() => {
    for (const r of rows) upsert.run(r.account, r.type, r.id, r.arn, r.service, r.action, r.region, r.when);
    writeKeyUses(db, uses);
  })();
}

/** Drops the noted attempts and uses not yet written: the store is being reset or restored, and their entities go with it. */
export function discardAccess(db: Db): void {
  const buffer = buffers.get(db);
  if (!buffer) return;
  clearTimeout(buffer.timer);
  buffer.timer = undefined;
  buffer.pending.clear();
  buffer.keyUses.clear();
}
