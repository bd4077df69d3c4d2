import type { Caller, SessionPolicy } from "./context";
import type { LocalAwsConfig } from "./config";
import type { Db } from "./store/db";
import { sql, writeStamp } from "./store/db";
import { AwsError } from "./protocol/errors";
import { findSession, type SessionRow } from "./sts/sessions";
import { invalidToken, parseAuthorization, verifySignature, type ParsedAuth, type SignedRequest } from "./protocol/sigv4";

type KeyRow = {
  access_key_id: string;
  account_id: string;
  user_id: string | null;
  secret_access_key: string;
  status: string;
  name: string | null;
  arn: string | null;
  account_state: string | null;
};

/** Finds the key, checks it is active and the signature is right, and names the caller. */
export function authenticate(
  db: Db,
  config: LocalAwsConfig,
  req: SignedRequest,
  auth: ParsedAuth = parseAuthorization(req),
): { caller: Caller; auth: ParsedAuth } {
  if (auth.accessKeyId.startsWith("ASIA")) return { caller: open(db, authenticateSession(db, req, auth)), auth };
  const key = keyRow(db, auth.accessKeyId);
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
  if (key.account_state && key.account_state !== "ACTIVE") throw invalidToken();
  return { caller, auth };
}

type KeyCache = { stamp: string; rows: Map<string, KeyRow | undefined> };
const keyCaches = new WeakMap<Db, KeyCache>();
const KEYS_KEPT = 1024;

/**
 * The key, its user and its account's state in one statement (open() below, for a long-term key), kept until the
 * store's write stamp moves: any write at all (a key deactivated or deleted, a user renamed, an account closed) drops
 * every kept row, so a key is never trusted past a change, and a run of reads looks each key up once.
 */
function keyRow(db: Db, accessKeyId: string): KeyRow | undefined {
  const stamp = writeStamp(db);
  let cache = keyCaches.get(db);
  if (!cache || cache.stamp !== stamp || cache.rows.size >= KEYS_KEPT) keyCaches.set(db, (cache = { stamp, rows: new Map() }));
  if (cache.rows.has(accessKeyId)) return cache.rows.get(accessKeyId);
  const row = sql(
    db,
    `SELECT k.*, u.name, u.arn, a.state AS account_state FROM access_keys k LEFT JOIN users u ON u.user_id = k.user_id
     LEFT JOIN accounts a ON a.account_id = k.account_id WHERE k.access_key_id = ?`,
  ).get(accessKeyId) as KeyRow | undefined;
  cache.rows.set(accessKeyId, row);
  return row;
}

/** A closed account (PENDING_CLOSURE, then SUSPENDED) "can no longer be used for any AWS activity", immediately. */
function open(db: Db, caller: Caller): Caller {
  const account = sql(db, "SELECT state FROM accounts WHERE account_id = ?").get(caller.accountId) as { state: string } | undefined;
  if (account && account.state !== "ACTIVE") throw invalidToken();
  return caller;
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
  const caller = sessionCaller(db, session);
  if (!caller) throw invalidToken();
  return caller;
}

const parsed = <T>(text: string | null): T | undefined => (text ? (JSON.parse(text) as T) : undefined);

/** The principal a session acts as; undefined when it no longer exists (a deleted user or role ends its sessions). */
export function sessionCaller(db: Db, s: SessionRow): Caller | undefined {
  const session = {
    source: s.source,
    mfaAuthenticated: !!s.mfa_authenticated,
    expiration: s.expiration,
    issued: s.create_date,
    ...(s.mfa_age_origin ? { mfaTime: s.mfa_age_origin } : {}),
  };
  const base = { accountId: s.account_id, accessKeyId: s.access_key_id, session };
  const issuedWith = {
    ...(s.session_policies ? { sessionPolicies: parsed<SessionPolicy[]>(s.session_policies) } : {}),
    ...(s.session_tags ? { sessionTags: parsed<{ Key: string; Value: string }[]>(s.session_tags) } : {}),
    ...(s.transitive_tag_keys ? { transitiveTagKeys: parsed<string[]>(s.transitive_tag_keys) } : {}),
    ...(s.source_identity ? { sourceIdentity: s.source_identity } : {}),
  };
  switch (s.principal_type) {
    case "root":
      return { ...base, ...issuedWith, type: "root", arn: `arn:aws:iam::${s.account_id}:root`, userId: s.account_id };
    case "user": {
      const user = userById(db, s.user_id);
      return user && { ...base, type: "user", arn: user.arn, userId: s.user_id!, userName: user.name };
    }
    case "assumed-role": {
      const role = sql(db, "SELECT name, arn FROM roles WHERE role_id = ?").get(s.role_id) as { name: string; arn: string } | undefined;
      if (!role) return undefined;
      return {
        ...base,
        ...issuedWith,
        type: "assumed-role",
        arn: `arn:aws:sts::${s.account_id}:assumed-role/${role.name}/${s.session_name}`,
        userId: `${s.role_id}:${s.session_name}`,
        role: { id: s.role_id!, name: role.name, arn: role.arn, sessionName: s.session_name! },
        ...(s.chained ? { chained: true } : {}),
      };
    }
    case "federated-user": {
      const by = s.user_id ? userById(db, s.user_id) : undefined;
      if (s.user_id && !by) return undefined;
      return {
        ...base,
        ...issuedWith,
        type: "federated-user",
        arn: `arn:aws:sts::${s.account_id}:federated-user/${s.federated_name}`,
        userId: `${s.account_id}:${s.federated_name}`,
        federatedBy: by ? { arn: by.arn, userId: s.user_id! } : { arn: `arn:aws:iam::${s.account_id}:root` },
      };
    }
  }
}

const userById = (db: Db, userId: string | null) =>
  sql(db, "SELECT name, arn FROM users WHERE user_id = ?").get(userId) as { name: string; arn: string } | undefined;
