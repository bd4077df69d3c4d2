import { randomBytes } from "node:crypto";
import type { LocalAwsConfig } from "./config";
import type { Db } from "./store/db";
import { sql } from "./store/db";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./iam/passwords";
import { mustChangePassword, verifyLoginPassword } from "./iam/login-profiles";
import { createSession, findSession, revokeSession, type Credentials } from "./sts/sessions";
import { accountByEmail, rootPasswordKey } from "./accounts";
import type { SignInKeys } from "./signin-throttle";

const CONSOLE_SESSION_SECONDS = 12 * 60 * 60;
export const SIGNIN_FAILED = "Your authentication information is incorrect. Please try again.";

const metaGet = (db: Db, key: string) => (sql(db, "SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined)?.value;
const metaSet = (db: Db, key: string, value: string) =>
  sql(db, "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(key, value);

/** Stores the root's console password hash; generates a password when none is configured or stored yet. */
export function ensureRootPassword(db: Db, config: LocalAwsConfig): string | undefined {
  const key = `root-password:${config.accountId}`;
  const stored = metaGet(db, key);
  if (config.rootPassword) {
    if (!stored || !verifyPassword(config.rootPassword, stored)) metaSet(db, key, hashPassword(config.rootPassword));
    return undefined;
  }
  if (stored) return undefined;
  const generated = randomBytes(12).toString("base64url");
  metaSet(db, key, hashPassword(generated));
  return generated;
}

export type SignInRequest =
  { type: "root"; email: string; password: string } | { type: "iam"; account: string; userName: string; password: string };

export type SignInResult = {
  principal: { type: "root" | "user"; accountId: string; arn: string; userId: string; userName?: string };
  accountAlias?: string;
  credentials: Credentials;
  passwordResetRequired: boolean;
  passwordExpired: boolean;
};

function accountFor(db: Db, account: string): string | undefined {
  if (/^\d{12}$/.test(account))
    return (sql(db, "SELECT account_id FROM accounts WHERE account_id = ?").get(account) as { account_id: string } | undefined)?.account_id;
  return (
    sql(db, "SELECT account_id FROM account_aliases WHERE alias = ?").get(account.toLowerCase()) as { account_id: string } | undefined
  )?.account_id;
}

/** Whose failures a sign-in attempt counts toward: the account (alias or ID alike) and user, or the root email. */
export function signInThrottleKeys(db: Db, req: SignInRequest, client: string): SignInKeys {
  if (req.type === "root") return { user: `root:${req.email.trim().toLowerCase()}`, client };
  const account = accountFor(db, req.account.trim()) ?? req.account.trim().toLowerCase();
  return { user: `iam:${account}:${req.userName.toLowerCase()}`, client };
}

const aliasOf = (db: Db, accountId: string) =>
  (sql(db, "SELECT alias FROM account_aliases WHERE account_id = ?").get(accountId) as { alias: string } | undefined)?.alias;

/** Checks a console password (root or IAM user) and issues the session's temporary credentials, or undefined. */
export function consoleSignIn(db: Db, config: LocalAwsConfig, req: SignInRequest, now = new Date()): SignInResult | undefined {
  const opts = { durationSeconds: CONSOLE_SESSION_SECONDS, source: "console" as const, now };
  if (req.type === "root") {
    // The root user signs in with the account's email: the default account's, or one given to a standalone account.
    const email = req.email.trim().toLowerCase();
    const accountId = email === config.rootEmail.toLowerCase() ? config.accountId : accountByEmail(db, email)?.account_id;
    const stored = accountId && metaGet(db, rootPasswordKey(accountId));
    if (!stored) return void burnPasswordCheck(req.password);
    if (!verifyPassword(req.password, stored)) return undefined;
    return {
      principal: { type: "root", accountId, arn: `arn:aws:iam::${accountId}:root`, userId: accountId },
      accountAlias: aliasOf(db, accountId),
      credentials: createSession(db, { type: "root", accountId }, opts),
      passwordResetRequired: false,
      passwordExpired: false,
    };
  }
  const accountId = accountFor(db, req.account.trim());
  if (!accountId) return void burnPasswordCheck(req.password);
  const user = verifyLoginPassword(db, accountId, req.userName, req.password, now);
  if (!user) return undefined;
  sql(db, "UPDATE users SET password_last_used = ? WHERE user_id = ?").run(now.toISOString().replace(/\.\d{3}Z$/, "Z"), user.userId);
  return {
    principal: { type: "user", accountId, arn: user.arn, userId: user.userId, userName: user.userName },
    accountAlias: aliasOf(db, accountId),
    credentials: createSession(db, { type: "user", accountId, userId: user.userId }, opts),
    passwordResetRequired: user.passwordResetRequired,
    passwordExpired: user.passwordExpired,
  };
}

export const consoleSignOut = (db: Db, accessKeyId: string) => revokeSession(db, accessKeyId);

/** A live console session's password state: a user's reset requirement as it stands now (root has none). */
export function consoleSessionStatus(db: Db, accessKeyId: string): { passwordResetRequired: boolean } | undefined {
  const s = findSession(db, accessKeyId);
  if (!s || s.source !== "console" || Date.parse(s.expiration) <= Date.now()) return undefined;
  return { passwordResetRequired: s.principal_type === "user" && !!s.user_id && mustChangePassword(db, s.account_id, s.user_id) };
}
