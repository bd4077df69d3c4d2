import type { Ctx, Handlers } from "../context";
import { sql, type Db } from "../store/db";
import { AwsError, accessDenied, entityAlreadyExists, noSuchEntity, validationError } from "../protocol/errors";
import { getUser, iso, userOrCaller, type UserRow } from "./shared";
import { assertPasswordAllowed, readPasswordPolicy } from "./password-policy";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./passwords";

type ProfileRow = {
  user_id: string;
  password_hash: string;
  create_date: string;
  password_reset_required: number;
  password_changed_date: string;
};

const HISTORY_KEPT = 24;
const DAY_MS = 24 * 60 * 60 * 1000;

const findProfile = (db: Db, userId: string) =>
  sql(db, "SELECT * FROM login_profiles WHERE user_id = ?").get(userId) as ProfileRow | undefined;

function profileUser(ctx: Ctx, userName: string | undefined): UserRow {
  const u = userOrCaller(ctx, userName);
  if (!u) throw validationError("Must specify userName when calling with non-User credentials");
  return u;
}

function getProfile(ctx: Ctx, u: UserRow, shownName: string | undefined): ProfileRow {
  const p = findProfile(ctx.db, u.user_id);
  if (!p) throw noSuchEntity(`Login Profile for User ${shownName ?? u.name} cannot be found.`);
  return p;
}

const profileOut = (u: UserRow, p: ProfileRow) => ({
  UserName: u.name,
  CreateDate: new Date(p.create_date),
  PasswordResetRequired: p.password_reset_required === 1,
});

/** Moves the replaced hash into the history PasswordReusePrevention reads, keeping the last 24. */
function retire(ctx: Ctx, p: ProfileRow): void {
  sql(ctx.db, "INSERT INTO password_history (user_id, password_hash, changed_date) VALUES (?, ?, ?)").run(
    p.user_id,
    p.password_hash,
    iso(ctx.now),
  );
  sql(
    ctx.db,
    `DELETE FROM password_history WHERE user_id = ? AND rowid NOT IN
       (SELECT rowid FROM password_history WHERE user_id = ? ORDER BY changed_date DESC, rowid DESC LIMIT ?)`,
  ).run(p.user_id, p.user_id, HISTORY_KEPT);
}

function replacePassword(ctx: Ctx, p: ProfileRow, password: string, resetRequired: boolean): void {
  assertPasswordAllowed(ctx, p.user_id, password, p.password_hash);
  retire(ctx, p);
  sql(ctx.db, "UPDATE login_profiles SET password_hash = ?, password_changed_date = ?, password_reset_required = ? WHERE user_id = ?").run(
    hashPassword(password),
    iso(ctx.now),
    resetRequired ? 1 : 0,
    p.user_id,
  );
}

export type PasswordSignIn = { userId: string; userName: string; arn: string; passwordResetRequired: boolean; passwordExpired: boolean };

/** For console sign-in: the IAM user if the password is right, else undefined (same work either way). */
export function verifyLoginPassword(
  db: Db,
  accountId: string,
  userName: string,
  password: string,
  now = new Date(),
): PasswordSignIn | undefined {
  const u = sql(db, "SELECT * FROM users WHERE account_id = ? AND name_lc = ?").get(accountId, userName.toLowerCase()) as
    UserRow | undefined;
  const p = u && findProfile(db, u.user_id);
  if (!u || !p) {
    burnPasswordCheck(password);
    return undefined;
  }
  if (!verifyPassword(password, p.password_hash)) return undefined;
  return { userId: u.user_id, userName: u.name, arn: u.arn, ...passwordState(db, accountId, p, now) };
}

/** Whether the user must choose a new password before anything else: an administrator said so, or it has expired. */
function passwordState(db: Db, accountId: string, p: { password_reset_required: number; password_changed_date: string }, now: Date) {
  const maxAge = readPasswordPolicy(db, accountId)?.MaxPasswordAge;
  return {
    passwordResetRequired: p.password_reset_required === 1,
    passwordExpired: !!maxAge && Date.parse(p.password_changed_date) + maxAge * DAY_MS <= now.getTime(),
  };
}

/** The same, for a signed-in user: false once the password has been changed (or the console password removed). */
export function mustChangePassword(db: Db, accountId: string, userId: string, now = new Date()): boolean {
  const p = findProfile(db, userId);
  if (!p) return false;
  const state = passwordState(db, accountId, p, now);
  return state.passwordResetRequired || state.passwordExpired;
}

export const loginProfilesHandlers: Handlers = {
  CreateLoginProfile(input: { UserName?: string; Password?: string; PasswordResetRequired?: boolean }, ctx) {
    const u = profileUser(ctx, input.UserName);
    if (findProfile(ctx.db, u.user_id)) throw entityAlreadyExists(`Login Profile for user ${input.UserName ?? u.name} already exists.`);
    if (input.Password === undefined) {
      throw validationError("1 validation error detected: Value null at 'password' failed to satisfy constraint: Member must not be null");
    }
    assertPasswordAllowed(ctx, u.user_id, input.Password, undefined);
    sql(
      ctx.db,
      `INSERT INTO login_profiles (user_id, password_hash, create_date, password_reset_required, password_changed_date)
       VALUES (?, ?, ?, ?, ?)`,
    ).run(u.user_id, hashPassword(input.Password), iso(ctx.now), input.PasswordResetRequired ? 1 : 0, iso(ctx.now));
    return { LoginProfile: profileOut(u, findProfile(ctx.db, u.user_id)!) };
  },

  GetLoginProfile(input: { UserName?: string }, ctx) {
    const u = profileUser(ctx, input.UserName);
    return { LoginProfile: profileOut(u, getProfile(ctx, u, input.UserName)) };
  },

  UpdateLoginProfile(input: { UserName: string; Password?: string; PasswordResetRequired?: boolean }, ctx) {
    const u = getUser(ctx, input.UserName);
    const p = getProfile(ctx, u, input.UserName);
    const resetRequired = input.PasswordResetRequired ?? p.password_reset_required === 1;
    if (input.Password !== undefined) replacePassword(ctx, p, input.Password, resetRequired);
    else sql(ctx.db, "UPDATE login_profiles SET password_reset_required = ? WHERE user_id = ?").run(resetRequired ? 1 : 0, u.user_id);
  },

  DeleteLoginProfile(input: { UserName?: string }, ctx) {
    const u = profileUser(ctx, input.UserName);
    retire(ctx, getProfile(ctx, u, input.UserName));
    sql(ctx.db, "DELETE FROM login_profiles WHERE user_id = ?").run(u.user_id);
  },

  /** The calling IAM user changes its own password; a successful change clears PasswordResetRequired. */
  ChangePassword(input: { OldPassword: string; NewPassword: string }, ctx) {
    if (ctx.caller.type !== "user") throw new AwsError("InvalidUserType", "Only IAM Users can change their own password.", 400);
    const u = getUser(ctx, ctx.caller.userName!);
    const p = getProfile(ctx, u, undefined);
    if (!verifyPassword(input.OldPassword, p.password_hash)) {
      throw accessDenied("Either the new password does not conform to the account password policy or the old password was incorrect.");
    }
    replacePassword(ctx, p, input.NewPassword, false);
  },
};
