import type { Ctx, Handlers } from "../context";
import { sql } from "../store/db";
import { accessKeyId, secretAccessKey } from "../store/ids";
import { accessDenied, limitExceeded, noSuchEntity } from "../protocol/errors";
import { arrayPage, iso, pageOut, userOrCaller, type UserRow } from "./shared";

type KeyRow = {
  access_key_id: string;
  user_id: string | null;
  secret_access_key: string;
  status: string;
  create_date: string;
  last_used_date: string | null;
  last_used_service: string | null;
  last_used_region: string | null;
  user_name: string | null;
};

const ACCESS_KEYS_PER_USER = 2;

const SELECT_KEYS = `SELECT k.*, u.name AS user_name FROM access_keys k LEFT JOIN users u ON u.user_id = k.user_id`;

/** The keys of one owner: an IAM user, or the account root (user_id NULL). */
function ownerKeys(ctx: Ctx, owner: UserRow | null): KeyRow[] {
  return sql(ctx.db, `${SELECT_KEYS} WHERE k.account_id = ? AND k.user_id IS ? ORDER BY k.create_date, k.access_key_id`).all(
    ctx.accountId,
    owner?.user_id ?? null,
  ) as KeyRow[];
}

function ownerKey(ctx: Ctx, userName: string | undefined, id: string): KeyRow {
  const key = ownerKeys(ctx, userOrCaller(ctx, userName)).find((k) => k.access_key_id === id);
  if (!key) throw noSuchEntity(`The Access Key with id ${id} cannot be found.`);
  return key;
}

/** Root keys have no user name; AWS leaves the member out for them. */
const keyOut = (k: KeyRow) => ({
  ...(k.user_name ? { UserName: k.user_name } : {}),
  AccessKeyId: k.access_key_id,
  Status: k.status,
  CreateDate: new Date(k.create_date),
});

export const accessKeysHandlers: Handlers = {
  CreateAccessKey(input: { UserName?: string }, ctx) {
    const owner = userOrCaller(ctx, input.UserName);
    if (ownerKeys(ctx, owner).length >= ACCESS_KEYS_PER_USER) {
      throw limitExceeded(`Cannot exceed quota for AccessKeysPerUser: ${ACCESS_KEYS_PER_USER}`);
    }
    const id = accessKeyId();
    const secret = secretAccessKey();
    sql(
      ctx.db,
      `INSERT INTO access_keys (access_key_id, account_id, user_id, secret_access_key, status, create_date)
       VALUES (?, ?, ?, ?, 'Active', ?)`,
    ).run(id, ctx.accountId, owner?.user_id ?? null, secret, iso(ctx.now));
    const key = ownerKeys(ctx, owner).find((k) => k.access_key_id === id)!;
    return { AccessKey: { ...keyOut(key), SecretAccessKey: secret } };
  },

  ListAccessKeys(input: { UserName?: string; Marker?: string; MaxItems?: number }, ctx) {
    return pageOut(arrayPage(input, ownerKeys(ctx, userOrCaller(ctx, input.UserName))), "AccessKeyMetadata", keyOut);
  },

  UpdateAccessKey(input: { UserName?: string; AccessKeyId: string; Status: "Active" | "Inactive" }, ctx) {
    const key = ownerKey(ctx, input.UserName, input.AccessKeyId);
    sql(ctx.db, "UPDATE access_keys SET status = ? WHERE access_key_id = ?").run(input.Status, key.access_key_id);
  },

  /** The configured root key may be deleted too, as in AWS; bootstrap recreates it at the next start. */
  DeleteAccessKey(input: { UserName?: string; AccessKeyId: string }, ctx) {
    const key = ownerKey(ctx, input.UserName, input.AccessKeyId);
    sql(ctx.db, "DELETE FROM access_keys WHERE access_key_id = ?").run(key.access_key_id);
  },

  GetAccessKeyLastUsed(input: { AccessKeyId: string }, ctx) {
    const key = sql(ctx.db, `${SELECT_KEYS} WHERE k.access_key_id = ? AND k.account_id = ?`).get(input.AccessKeyId, ctx.accountId) as
      KeyRow | undefined;
    if (!key) {
      throw accessDenied(
        `User: ${ctx.caller.arn} is not authorized to perform iam:GetAccessKeyLastUsed on resource: access key ${input.AccessKeyId}`,
      );
    }
    const used = key.last_used_date
      ? { LastUsedDate: new Date(key.last_used_date), ServiceName: key.last_used_service!, Region: key.last_used_region! }
      : { ServiceName: "N/A", Region: "N/A" };
    return { ...(key.user_name ? { UserName: key.user_name } : {}), AccessKeyLastUsed: used };
  },
};
