import { randomBytes } from "node:crypto";
import type { Db } from "../store/db";
import { sql } from "../store/db";
import { accessKeyId, secretAccessKey } from "../store/ids";

export type SessionPrincipal = { type: "root"; accountId: string } | { type: "user"; accountId: string; userId: string };

export type Credentials = { AccessKeyId: string; SecretAccessKey: string; SessionToken: string; Expiration: Date };

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

/** Issues temporary credentials (ASIA key, secret, session token) for a principal. */
export function createSession(
  db: Db,
  principal: SessionPrincipal,
  opts: { durationSeconds: number; source: "console" | "GetSessionToken"; mfaAuthenticated?: boolean; now?: Date },
): Credentials {
  const now = opts.now ?? new Date();
  const expiration = new Date(Math.floor(now.getTime() / 1000) * 1000 + opts.durationSeconds * 1000);
  const creds: Credentials = {
    AccessKeyId: accessKeyId("ASIA"),
    SecretAccessKey: secretAccessKey(),
    SessionToken: `IQoJb3JpZ2luX2VjE${randomBytes(240).toString("base64")}`,
    Expiration: expiration,
  };
  sql(db, "DELETE FROM sessions WHERE expiration < ?").run(iso(now));
  sql(
    db,
    `INSERT INTO sessions (access_key_id, account_id, secret_access_key, session_token, principal_type, user_id, source,
       mfa_authenticated, create_date, expiration) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    creds.AccessKeyId,
    principal.accountId,
    creds.SecretAccessKey,
    creds.SessionToken,
    principal.type,
    principal.type === "user" ? principal.userId : null,
    opts.source,
    opts.mfaAuthenticated ? 1 : 0,
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
  principal_type: "root" | "user" | "assumed-role";
  user_id: string | null;
  source: string;
  mfa_authenticated: number;
  expiration: string;
};

export const findSession = (db: Db, accessKeyIdValue: string) =>
  sql(db, "SELECT * FROM sessions WHERE access_key_id = ?").get(accessKeyIdValue) as SessionRow | undefined;

/** Ends a console session's credentials early (sign out). */
export const revokeSession = (db: Db, accessKeyIdValue: string) =>
  sql(db, "DELETE FROM sessions WHERE access_key_id = ?").run(accessKeyIdValue).changes > 0;
