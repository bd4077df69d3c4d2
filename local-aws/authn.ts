import type { Caller } from "./context";
import type { LocalAwsConfig } from "./config";
import type { Db } from "./store/db";
import { sql } from "./store/db";
import { invalidToken, parseAuthorization, verifySignature, type ParsedAuth, type SignedRequest } from "./protocol/sigv4";

type KeyRow = {
  access_key_id: string;
  account_id: string;
  user_id: string | null;
  secret_access_key: string;
  status: string;
  name: string | null;
  arn: string | null;
};

/** Finds the key, checks it is active and the signature is right, and names the caller. */
export function authenticate(
  db: Db,
  config: LocalAwsConfig,
  req: SignedRequest,
  auth: ParsedAuth = parseAuthorization(req),
): { caller: Caller; auth: ParsedAuth } {
  const key = sql(
    db,
    `SELECT k.*, u.name, u.arn FROM access_keys k LEFT JOIN users u ON u.user_id = k.user_id WHERE k.access_key_id = ?`,
  ).get(auth.accessKeyId) as KeyRow | undefined;
  if (!key || key.status !== "Active") throw invalidToken();
  verifySignature(req, auth, key.secret_access_key);
  const caller: Caller = key.user_id
    ? { type: "user", accountId: key.account_id, arn: key.arn!, userId: key.user_id, userName: key.name!, accessKeyId: key.access_key_id }
    : { type: "root", accountId: key.account_id, arn: `arn:aws:iam::${key.account_id}:root`, userId: key.account_id, accessKeyId: key.access_key_id };
  return { caller, auth };
}

export function recordKeyUse(db: Db, accessKeyId: string, service: string, region: string, when: string): void {
  sql(db, "UPDATE access_keys SET last_used_date = ?, last_used_service = ?, last_used_region = ? WHERE access_key_id = ?").run(
    when, service, region, accessKeyId,
  );
}
