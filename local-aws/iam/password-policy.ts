import type { Ctx, Handlers } from "../context";
import { sql, type Db } from "../store/db";
import { noSuchEntity, passwordPolicyViolation } from "../protocol/errors";
import { verifyPassword } from "./passwords";

export type PasswordPolicy = {
  MinimumPasswordLength: number;
  RequireSymbols: boolean;
  RequireNumbers: boolean;
  RequireUppercaseCharacters: boolean;
  RequireLowercaseCharacters: boolean;
  AllowUsersToChangePassword: boolean;
  ExpirePasswords: boolean;
  MaxPasswordAge?: number;
  PasswordReusePrevention?: number;
  HardExpiry?: boolean;
};

type PolicyInput = Partial<Omit<PasswordPolicy, "ExpirePasswords">>;

/** The symbols AWS counts for RequireSymbols and for the default policy's character types. */
const SYMBOLS = new Set("!@#$%^&*()_+-=[]{}|'");

export function readPasswordPolicy(db: Db, accountId: string): PasswordPolicy | undefined {
  const row = sql(db, "SELECT password_policy FROM accounts WHERE account_id = ?").get(accountId) as
    { password_policy: string | null } | undefined;
  return row?.password_policy ? (JSON.parse(row.password_policy) as PasswordPolicy) : undefined;
}

function characterTypes(password: string) {
  const chars = [...password];
  return {
    upper: chars.some((c) => c >= "A" && c <= "Z"),
    lower: chars.some((c) => c >= "a" && c <= "z"),
    number: chars.some((c) => c >= "0" && c <= "9"),
    symbol: chars.some((c) => SYMBOLS.has(c)),
  };
}

/** With no custom policy AWS still applies its default: at least 8 characters and 3 of the 4 character types. */
function conforms(password: string, policy: PasswordPolicy | undefined): boolean {
  const t = characterTypes(password);
  if (!policy) return password.length >= 8 && [t.upper, t.lower, t.number, t.symbol].filter(Boolean).length >= 3;
  return (
    password.length >= policy.MinimumPasswordLength &&
    (!policy.RequireUppercaseCharacters || t.upper) &&
    (!policy.RequireLowercaseCharacters || t.lower) &&
    (!policy.RequireNumbers || t.number) &&
    (!policy.RequireSymbols || t.symbol)
  );
}

/** Checks a new password against the account policy and, for PasswordReusePrevention, the user's last passwords. */
export function assertPasswordAllowed(ctx: Ctx, userId: string, password: string, currentHash: string | undefined): void {
  const policy = readPasswordPolicy(ctx.db, ctx.accountId);
  if (!conforms(password, policy)) throw passwordPolicyViolation("Password does not conform to the account password policy.");
  const keep = policy?.PasswordReusePrevention ?? 0;
  if (!keep) return;
  const history = (
    sql(ctx.db, "SELECT password_hash FROM password_history WHERE user_id = ? ORDER BY changed_date DESC, rowid DESC").all(userId) as {
      password_hash: string;
    }[]
  ).map((r) => r.password_hash);
  const recent = [...(currentHash ? [currentHash] : []), ...history].slice(0, keep);
  if (recent.some((h) => verifyPassword(password, h))) {
    throw passwordPolicyViolation("Policy constraint violation with password reuse prevention during password change.");
  }
}

function policyFrom(input: PolicyInput): PasswordPolicy {
  return {
    MinimumPasswordLength: input.MinimumPasswordLength ?? 6,
    RequireSymbols: input.RequireSymbols ?? false,
    RequireNumbers: input.RequireNumbers ?? false,
    RequireUppercaseCharacters: input.RequireUppercaseCharacters ?? false,
    RequireLowercaseCharacters: input.RequireLowercaseCharacters ?? false,
    AllowUsersToChangePassword: input.AllowUsersToChangePassword ?? false,
    ExpirePasswords: (input.MaxPasswordAge ?? 0) > 0,
    ...(input.MaxPasswordAge !== undefined ? { MaxPasswordAge: input.MaxPasswordAge } : {}),
    ...(input.PasswordReusePrevention !== undefined ? { PasswordReusePrevention: input.PasswordReusePrevention } : {}),
    ...(input.HardExpiry !== undefined ? { HardExpiry: input.HardExpiry } : {}),
  };
}

export const passwordPolicyHandlers: Handlers = {
  /** Replaces the whole policy: members left out go back to AWS's defaults. */
  UpdateAccountPasswordPolicy(input: PolicyInput, ctx) {
    sql(
      ctx.db,
      `INSERT INTO accounts (account_id, password_policy) VALUES (?, ?)
       ON CONFLICT (account_id) DO UPDATE SET password_policy = excluded.password_policy`,
    ).run(ctx.accountId, JSON.stringify(policyFrom(input)));
  },

  GetAccountPasswordPolicy(_input, ctx) {
    const policy = readPasswordPolicy(ctx.db, ctx.accountId);
    if (!policy) throw noSuchEntity(`The Password Policy with domain name ${ctx.accountId} cannot be found.`);
    return { PasswordPolicy: policy };
  },

  DeleteAccountPasswordPolicy(_input, ctx) {
    if (!readPasswordPolicy(ctx.db, ctx.accountId)) throw noSuchEntity("The account policy with name PasswordPolicy cannot be found.");
    sql(ctx.db, "UPDATE accounts SET password_policy = NULL WHERE account_id = ?").run(ctx.accountId);
  },
};
