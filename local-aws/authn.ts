import type { Caller } from "./context";
import type { LocalAwsConfig } from "./config";
import type { Db } from "./store/db";
import { sql } from "./store/db";
import { AwsError } from "./protocol/errors";
import { findSession } from "./sts/sessions";
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
  if (auth.accessKeyId.startsWith("ASIA")) return { caller: authenticateSession(db, req, auth), auth };
  const key = sql(
    db,
    `SELECT k.*, u.name, u.arn FROM access_keys k LEFT JOIN users u ON u.user_id = k.user_id WHERE k.access_key_id = ?`,
  ).get(auth.accessKeyId) as KeyRow | undefined;
  if (!key || key.status !== "Active") throw invalidToken();
  verifySignature(req, auth, key.secret_access_key);
  const caller: Caller = key.user_id
    ? { type: "user", accountId: key.account_id, arn: key.arn!, userId: key.user_id, userName: key.name!, accessKeyId: key.access_key_id }
    : {
        type: "root",
        accountId: key.account_id,
        arn: `arn:aws:iam::${key.account_id}:root`,
        userId: key.account_id,
        accessKeyId: key.access_key_id,
      };
  return { caller, auth };
}

export function recordKeyUse(db: Db, accessKeyId: string, service: string, region: string, when: string): void {
  sql(db, "UPDATE access_keys SET last_used_date = ?, last_used_service = ?, last_used_region = ? WHERE access_key_id = ?").run(
    when,
    service,
    region,
    accessKeyId,
  );
}

const expiredToken = () => new AwsError("ExpiredToken", "The security token included in the request is expired", 403);

/** Temporary credentials: the session token must match, the session must not have expired, its principal must exist. */
function authenticateSession(db: Db, req: SignedRequest, auth: ParsedAuth): Caller {
  const session = findSession(db, auth.accessKeyId);
  const header = req.headers["x-amz-security-token"];
  const token = typeof header === "string" ? header : req.query.get("X-Amz-Security-Token");
  if (!session || token !== session.session_token) throw invalidToken();
  verifySignature(req, auth, session.secret_access_key);
  if (Date.parse(session.expiration) <= Date.now()) throw expiredToken();
  const sessionInfo = { source: session.source, mfaAuthenticated: !!session.mfa_authenticated, expiration: session.expiration };
  const base = { accountId: session.account_id, accessKeyId: session.access_key_id, session: sessionInfo };
  if (session.principal_type === "root")
    return { ...base, type: "root", arn: `arn:aws:iam::${session.account_id}:root`, userId: session.account_id };
  const user = sql(db, "SELECT name, arn FROM users WHERE user_id = ?").get(session.user_id) as { name: string; arn: string } | undefined;
  if (!user) throw invalidToken();
  return { ...base, type: "user", arn: user.arn, userId: session.user_id!, userName: user.name };
}
