import { randomBytes } from "node:crypto";
import type { SessionPolicy } from "../context";
import type { Db } from "../store/db";
import { sql } from "../store/db";
import { accessKeyId, secretAccessKey } from "../store/ids";

export type SessionPrincipal =
  | { type: "root"; accountId: string }
  | { type: "user"; accountId: string; userId: string }
  | { type: "assumed-role"; accountId: string; roleId: string; roleArn: string; sessionName: string }
  /** A federated user (GetFederationToken): `userId` is the federating IAM user's, absent when root federated. */
  | { type: "federated-user"; accountId: string; name: string; userId?: string };

export type SessionSource =
  "console" | "GetSessionToken" | "AssumeRole" | "AssumeRoleWithWebIdentity" | "AssumeRoleWithSAML" | "GetFederationToken" | "AssumeRoot";

/** What a role or federated session was issued with: evaluated with every request it signs. */
export type SessionExtras = {
  policies?: SessionPolicy[];
  tags?: { Key: string; Value: string }[];
  transitiveTagKeys?: string[];
  sourceIdentity?: string;
  chained?: boolean;
  /** When the MFA behind this session was used (a session made from an MFA session inherits it). */
  mfaTime?: string;
};

export type Credentials = { AccessKeyId: string; SecretAccessKey: string; SessionToken: string; Expiration: Date };

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");
const json = (v: unknown[] | undefined) => (v?.length ? JSON.stringify(v) : null);

/** Issues temporary credentials (ASIA key, secret, session token) for a principal. */
export function createSession(
  db: Db,
  principal: SessionPrincipal,
  opts: { durationSeconds: number; source: SessionSource; mfaAuthenticated?: boolean; now?: Date; extras?: SessionExtras },
): Credentials {
  const now = opts.now ?? new Date();
  const expiration = new Date(Math.floor(now.getTime() / 1000) * 1000 + opts.durationSeconds * 1000);
  const creds: Credentials = {
    AccessKeyId: accessKeyId("ASIA"),
    SecretAccessKey: secretAccessKey(),
    SessionToken: `IQoJb3JpZ2luX2VjE${randomBytes(240).toString("base64")}`,
    Expiration: expiration,
  };
  const x = opts.extras ?? {};
  const mfa = !!opts.mfaAuthenticated;
  sql(db, "DELETE FROM sessions WHERE expiration < ?").run(iso(now));
  sql(
    db,
    `INSERT INTO sessions (access_key_id, account_id, secret_access_key, session_token, principal_type, user_id, role_id,
       session_name, role_arn, federated_name, source, mfa_authenticated, mfa_age_origin, session_policies, session_tags,
       transitive_tag_keys, source_identity, chained, create_date, expiration)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    creds.AccessKeyId,
    principal.accountId,
    creds.SecretAccessKey,
    creds.SessionToken,
    principal.type,
    principal.type === "user" || principal.type === "federated-user" ? (principal.userId ?? null) : null,
    principal.type === "assumed-role" ? principal.roleId : null,
    principal.type === "assumed-role" ? principal.sessionName : null,
    principal.type === "assumed-role" ? principal.roleArn : null,
    principal.type === "federated-user" ? principal.name : null,
    opts.source,
    mfa ? 1 : 0,
    mfa ? (x.mfaTime ?? iso(now)) : null,
    json(x.policies),
    json(x.tags),
    json(x.transitiveTagKeys),
    x.sourceIdentity ?? null,
    x.chained ? 1 : 0,
    iso(now),
    iso(expiration),
  );
  return creds;
}

export type SessionRow = {
  access_key_id: string;
  account_id: string;
  secret_access_key: string;
  session_token: string;
  principal_type: "root" | "user" | "assumed-role" | "federated-user";
  user_id: string | null;
  role_id: string | null;
  session_name: string | null;
  role_arn: string | null;
  federated_name: string | null;
  source: SessionSource;
  mfa_authenticated: number;
  mfa_age_origin: string | null;
  session_policies: string | null;
  session_tags: string | null;
  transitive_tag_keys: string | null;
  source_identity: string | null;
  chained: number;
  create_date: string;
  expiration: string;
};

export const findSession = (db: Db, accessKeyIdValue: string) =>
  sql(db, "SELECT * FROM sessions WHERE access_key_id = ?").get(accessKeyIdValue) as SessionRow | undefined;

/** Ends a console session's credentials early (sign out). */
export const revokeSession = (db: Db, accessKeyIdValue: string) =>
  sql(db, "DELETE FROM sessions WHERE access_key_id = ?").run(accessKeyIdValue).changes > 0;
