import type { Ctx } from "../context";
import { sql } from "../store/db";
import { AwsError, invalidInput, limitExceeded, noSuchEntity } from "../protocol/errors";

export const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");
export const arn = (ctx: Ctx, kind: string, path: string, name: string) => `arn:aws:iam::${ctx.accountId}:${kind}${path}${name}`;

export type Page<T> = { items: T[]; IsTruncated: boolean; Marker?: string };

/** AWS's MaxItems/Marker/IsTruncated over a keyset: `fetch(after, limit)` returns rows ordered by `key`. */
export function keysetPage<T>(
  input: { Marker?: string; MaxItems?: number },
  fetch: (after: string, limit: number) => T[],
  key: (row: T) => string,
): Page<T> {
  const max = input.MaxItems ?? 100;
  const after = input.Marker === undefined ? "" : decodeMarker(input.Marker);
  const rows = fetch(after, max + 1);
  if (rows.length <= max) return { items: rows, IsTruncated: false };
  const items = rows.slice(0, max);
  return { items, IsTruncated: true, Marker: encodeMarker(key(items[items.length - 1])) };
}

/** The same for lists already in memory (small per-entity lists such as tags or versions). */
export function arrayPage<T>(input: { Marker?: string; MaxItems?: number }, all: T[]): Page<T> {
  const max = input.MaxItems ?? 100;
  const start = input.Marker === undefined ? 0 : Number(decodeMarker(input.Marker));
  if (!Number.isInteger(start) || start < 0) throw invalidMarker();
  const items = all.slice(start, start + max);
  const truncated = start + max < all.length;
  return { items, IsTruncated: truncated, Marker: truncated ? encodeMarker(String(start + max)) : undefined };
}

export const pageOut = <T, U>(page: Page<T>, name: string, map: (t: T) => U) => ({
  [name]: page.items.map(map),
  IsTruncated: page.IsTruncated,
  ...(page.Marker ? { Marker: page.Marker } : {}),
});

const invalidMarker = () => new AwsError("ValidationError", "Invalid Marker.", 400);

function encodeMarker(key: string): string {
  return Buffer.from(JSON.stringify([key]))
    .toString("base64")
    .replace(/=+$/, "");
}

function decodeMarker(marker: string): string {
  try {
    const v = JSON.parse(Buffer.from(marker, "base64").toString("utf8"));
    if (Array.isArray(v) && typeof v[0] === "string") return v[0];
  } catch {
    /* fall through */
  }
  throw invalidMarker();
}

/** `path` must be a prefix filter as AWS applies it: paths are compared verbatim. */
/**
 * Whether the account already holds `quota` rows of the table. COUNT(*) walks the account's rows, once per create; the
 * table's largest rowid (never below its row count, all accounts together) answers first whenever it is under the quota.
 */
export function reachesQuota(ctx: Ctx, table: "users" | "groups" | "roles" | "policies", quota: number): boolean {
  const { top } = sql(ctx.db, `SELECT MAX(rowid) AS top FROM ${table}`).get() as { top: number | null };
  if ((top ?? 0) < quota) return false;
  return (sql(ctx.db, `SELECT COUNT(*) AS n FROM ${table} WHERE account_id = ?`).get(ctx.accountId) as { n: number }).n >= quota;
}

export const pathPrefix = (input: { PathPrefix?: string }) => input.PathPrefix ?? "/";

export type Tag = { Key: string; Value: string };
export type TaggedType = "user" | "role" | "policy" | "instance-profile" | "mfa" | "server-certificate" | "oidc-provider" | "saml-provider";
export const MAX_TAGS = 50;

export function listTags(ctx: Ctx, type: TaggedType, id: string): Tag[] {
  return (
    sql(ctx.db, "SELECT key, value FROM tags WHERE resource_type = ? AND resource_id = ? ORDER BY seq").all(type, id) as {
      key: string;
      value: string;
    }[]
  ).map((r) => ({ Key: r.key, Value: r.value }));
}

/** Adds or overwrites tags (keys are case-insensitive in IAM), enforcing the 50-tag quota. */
export function putTags(ctx: Ctx, type: TaggedType, id: string, tags: Tag[] | undefined): void {
  if (!tags?.length) return;
  const seen = new Set<string>();
  for (const t of tags) {
    const lc = t.Key.toLowerCase();
    if (seen.has(lc)) throw invalidInput("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
    seen.add(lc);
    if (lc.startsWith("aws:")) throw invalidInput("User tag keys cannot start with 'aws:'.");
  }
  const existing = listTags(ctx, type, id).map((t) => t.Key.toLowerCase());
  const total = new Set([...existing, ...seen]).size;
  if (total > MAX_TAGS) throw limitExceeded(`The number of tags has reached the maximum limit.`);
  const maxSeq = (
    sql(ctx.db, "SELECT COALESCE(MAX(seq), 0) AS s FROM tags WHERE resource_type = ? AND resource_id = ?").get(type, id) as {
      s: number;
    }
  ).s;
  let seq = maxSeq;
  const upsert = sql(
    ctx.db,
    `INSERT INTO tags (resource_type, resource_id, key, key_lc, value, seq) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (resource_type, resource_id, key_lc) DO UPDATE SET key = excluded.key, value = excluded.value`,
  );
  for (const t of tags) upsert.run(type, id, t.Key, t.Key.toLowerCase(), t.Value ?? "", ++seq);
}

export function removeTags(ctx: Ctx, type: TaggedType, id: string, keys: string[]): void {
  const del = sql(ctx.db, "DELETE FROM tags WHERE resource_type = ? AND resource_id = ? AND key_lc = ?");
  for (const k of keys) del.run(type, id, k.toLowerCase());
}

export function deleteAllTags(ctx: Ctx, type: TaggedType, id: string): void {
  sql(ctx.db, "DELETE FROM tags WHERE resource_type = ? AND resource_id = ?").run(type, id);
}

export type UserRow = {
  user_id: string;
  account_id: string;
  name: string;
  path: string;
  arn: string;
  create_date: string;
  password_last_used: string | null;
  permissions_boundary: string | null;
};

export function findUser(ctx: Ctx, name: string): UserRow | undefined {
  return sql(ctx.db, "SELECT * FROM users WHERE account_id = ? AND name_lc = ?").get(ctx.accountId, name.toLowerCase()) as
    UserRow | undefined;
}

export function getUser(ctx: Ctx, name: string): UserRow {
  const u = findUser(ctx, name);
  if (!u) throw noSuchEntity(`The user with name ${name} cannot be found.`);
  return u;
}

export type GroupRow = { group_id: string; account_id: string; name: string; path: string; arn: string; create_date: string };

export function getGroup(ctx: Ctx, name: string): GroupRow {
  const g = sql(ctx.db, "SELECT * FROM groups WHERE account_id = ? AND name_lc = ?").get(ctx.accountId, name.toLowerCase()) as
    GroupRow | undefined;
  if (!g) throw noSuchEntity(`The group with name ${name} cannot be found.`);
  return g;
}

export type RoleRow = {
  role_id: string;
  account_id: string;
  name: string;
  path: string;
  arn: string;
  assume_role_policy: string;
  description: string | null;
  max_session_duration: number;
  permissions_boundary: string | null;
  create_date: string;
  last_used_date: string | null;
  last_used_region: string | null;
};

export function getRole(ctx: Ctx, name: string): RoleRow {
  const r = sql(ctx.db, "SELECT * FROM roles WHERE account_id = ? AND name_lc = ?").get(ctx.accountId, name.toLowerCase()) as
    RoleRow | undefined;
  if (!r) throw noSuchEntity(`The role with name ${name} cannot be found.`);
  return r;
}

/** A permissions boundary must be an existing managed policy (AWS or this account's); AWS words a missing one as a "Scope ARN". */
export function checkBoundary(ctx: Ctx, policyArn: string): void {
  if (!/^arn:aws:iam::(\d{12}|aws):policy\/./.test(policyArn)) throw invalidInput(`ARN ${policyArn} is not valid.`);
  const row = sql(ctx.db, "SELECT account_id FROM policies WHERE arn = ?").get(policyArn) as { account_id: string } | undefined;
  if (!row || (row.account_id !== "aws" && row.account_id !== ctx.accountId)) {
    throw noSuchEntity(`Scope ARN: ${policyArn} does not exist or is not attachable.`);
  }
}

/** AWS sends "Policy" here, although its API model lists the value as "PermissionsBoundaryPolicy". */
export const boundaryOut = (arn: string | null) => (arn ? { PermissionsBoundaryType: "Policy", PermissionsBoundaryArn: arn } : undefined);

/** Policy documents are returned URL-encoded, as AWS does. */
export const encodeDocument = (doc: string) => encodeURIComponent(doc);

/** Service-linked roles belong to their AWS service: IAM refuses to change them through the role actions. */
export function assertRoleModifiable(role: RoleRow): void {
  if (role.path.startsWith("/aws-service-role/")) {
    throw new AwsError(
      "UnmodifiableEntity",
      `Cannot perform the operation on the protected role '${role.name}' - this role is only modifiable by AWS`,
      400,
    );
  }
}

/** The user named, else the calling IAM user; null when the account root calls without a name. */
export function userOrCaller(ctx: Ctx, userName: string | undefined): UserRow | null {
  if (userName !== undefined) return getUser(ctx, userName);
  if (ctx.caller.type === "root") return null;
  if (ctx.caller.type === "user" && ctx.caller.userName) return getUser(ctx, ctx.caller.userName);
  throw new AwsError("ValidationError", "Must specify userName when calling with non-User credentials", 400);
}
