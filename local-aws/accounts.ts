import { randomInt } from "node:crypto";
import type { Db } from "./store/db";
import { sql } from "./store/db";
import { accessKeyId as newAccessKeyId, secretAccessKey as newSecretAccessKey } from "./store/ids";
import { hashPassword } from "./iam/passwords";

/** default: the configured account; standalone: made under /_clef/accounts; member: made by Organizations CreateAccount. */
export type AccountKind = "default" | "standalone" | "member";
export type AccountState = "ACTIVE" | "PENDING_CLOSURE" | "SUSPENDED";

export type AccountRow = {
  account_id: string;
  name: string | null;
  email: string | null;
  kind: AccountKind;
  create_date: string | null;
  state: AccountState;
  state_date: string | null;
};

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

export const getAccount = (db: Db, accountId: string) =>
  sql(db, "SELECT * FROM accounts WHERE account_id = ?").get(accountId) as AccountRow | undefined;

export const accountByEmail = (db: Db, email: string) =>
  sql(db, "SELECT * FROM accounts WHERE email = ? COLLATE NOCASE").get(email) as AccountRow | undefined;

export const listAccounts = (db: Db) => sql(db, "SELECT * FROM accounts ORDER BY account_id").all() as AccountRow[];

/** A fresh 12-digit account ID no account has. */
export function newAccountId(db: Db): string {
  for (;;) {
    const id = String(randomInt(100_000_000_000, 999_999_999_999));
    if (!getAccount(db, id)) return id;
  }
}

/** Inserts an account (the caller checks the ID and email are free). */
export function insertAccount(db: Db, a: { accountId: string; kind: AccountKind; name?: string; email?: string; now: Date }): void {
  sql(db, "INSERT INTO accounts (account_id, name, email, kind, create_date, state) VALUES (?, ?, ?, ?, ?, 'ACTIVE')").run(
    a.accountId,
    a.name ?? null,
    a.email ?? null,
    a.kind,
    iso(a.now),
  );
}

/** Gives an account's root user an access key (as AWS lets a root user create up to two). */
export function addRootAccessKey(db: Db, accountId: string, now: Date, key?: { accessKeyId: string; secretAccessKey: string }) {
  const k = key ?? { accessKeyId: newAccessKeyId(), secretAccessKey: newSecretAccessKey() };
  sql(
    db,
    `INSERT INTO access_keys (access_key_id, account_id, user_id, secret_access_key, status, create_date)
     VALUES (?, ?, NULL, ?, 'Active', ?)`,
  ).run(k.accessKeyId, accountId, k.secretAccessKey, iso(now));
  return k;
}

/** The root user's console password hash lives in meta, keyed by account. */
export const rootPasswordKey = (accountId: string) => `root-password:${accountId}`;

export function setRootPassword(db: Db, accountId: string, password: string): void {
  sql(db, "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(
    rootPasswordKey(accountId),
    hashPassword(password),
  );
}

export const accessKeyExists = (db: Db, accessKeyId: string) =>
  sql(db, "SELECT 1 FROM access_keys WHERE access_key_id = ?").get(accessKeyId) !== undefined;
