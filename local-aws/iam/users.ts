import type { Ctx, Handlers } from "../context";
import { sql } from "../store/db";
import { uniqueId } from "../store/ids";
import { deleteConflict, entityAlreadyExists, limitExceeded, noSuchEntity } from "../protocol/errors";
import {
  arn,
  boundaryOut,
  checkBoundary,
  deleteAllTags,
  findUser,
  getUser,
  iso,
  keysetPage,
  listTags,
  arrayPage,
  pageOut,
  pathPrefix,
  putTags,
  reachesQuota,
  removeTags,
  type UserRow,
} from "./shared";

export function userOut(u: UserRow, ctx?: Ctx, full = false) {
  const tags = full && ctx ? listTags(ctx, "user", u.user_id) : [];
  return {
    Path: u.path,
    UserName: u.name,
    UserId: u.user_id,
    Arn: u.arn,
    CreateDate: new Date(u.create_date),
    ...(u.password_last_used ? { PasswordLastUsed: new Date(u.password_last_used) } : {}),
    ...(full ? { PermissionsBoundary: boundaryOut(u.permissions_boundary), ...(tags.length ? { Tags: tags } : {}) } : {}),
  };
}

function rootUserOut(ctx: Ctx) {
  const row = sql(ctx.db, "SELECT MIN(create_date) AS d FROM access_keys WHERE account_id = ? AND user_id IS NULL").get(ctx.accountId) as {
    d: string | null;
  };
  return { UserId: ctx.accountId, Arn: `arn:aws:iam::${ctx.accountId}:root`, CreateDate: new Date(row.d ?? 0) };
}

export const userHandlers: Handlers = {
  CreateUser(input: { UserName: string; Path?: string; PermissionsBoundary?: string; Tags?: { Key: string; Value: string }[] }, ctx) {
    if (findUser(ctx, input.UserName)) throw entityAlreadyExists(`User with name ${input.UserName} already exists.`);
    if (reachesQuota(ctx, "users", ctx.quotas.usersPerAccount))
      throw limitExceeded(`Cannot exceed quota for UsersPerAccount: ${ctx.quotas.usersPerAccount}`);
    if (input.PermissionsBoundary) checkBoundary(ctx, input.PermissionsBoundary);
    const path = input.Path ?? "/";
    const id = uniqueId("AIDA");
    sql(
      ctx.db,
      `INSERT INTO users (user_id, account_id, name, name_lc, path, arn, create_date, permissions_boundary)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      ctx.accountId,
      input.UserName,
      input.UserName.toLowerCase(),
      path,
      arn(ctx, "user", path, input.UserName),
      iso(ctx.now),
      input.PermissionsBoundary ?? null,
    );
    putTags(ctx, "user", id, input.Tags);
    return { User: userOut(getUser(ctx, input.UserName), ctx, true) };
  },

  GetUser(input: { UserName?: string }, ctx) {
    if (input.UserName === undefined) {
      if (ctx.caller.type === "root") return { User: rootUserOut(ctx) };
      if (ctx.caller.type === "user") return { User: userOut(getUser(ctx, ctx.caller.userName!), ctx, true) };
      throw noSuchEntity("Must specify userName when calling with non-User credentials");
    }
    return { User: userOut(getUser(ctx, input.UserName), ctx, true) };
  },

  ListUsers(input: { PathPrefix?: string; Marker?: string; MaxItems?: number }, ctx) {
    const prefix = pathPrefix(input);
    const page = keysetPage(
      input,
      (after, limit) =>
        sql(
          ctx.db,
          `SELECT * FROM users WHERE account_id = ? AND substr(path, 1, length(?)) = ? AND name_lc > ?
           ORDER BY name_lc LIMIT ?`,
        ).all(ctx.accountId, prefix, prefix, after, limit) as (UserRow & { name_lc: string })[],
      (r) => r.name_lc,
    );
    return pageOut(page, "Users", (u) => userOut(u));
  },

  UpdateUser(input: { UserName: string; NewPath?: string; NewUserName?: string }, ctx) {
    const u = getUser(ctx, input.UserName);
    const name = input.NewUserName ?? u.name;
    if (input.NewUserName && input.NewUserName.toLowerCase() !== u.name.toLowerCase() && findUser(ctx, input.NewUserName)) {
      throw entityAlreadyExists(`User with name ${input.NewUserName} already exists.`);
    }
    const path = input.NewPath ?? u.path;
    sql(ctx.db, "UPDATE users SET name = ?, name_lc = ?, path = ?, arn = ? WHERE user_id = ?").run(
      name,
      name.toLowerCase(),
      path,
      arn(ctx, "user", path, name),
      u.user_id,
    );
  },

  DeleteUser(input: { UserName: string }, ctx) {
    const u = getUser(ctx, input.UserName);
    const has = (q: string) => sql(ctx.db, q).get(u.user_id) !== undefined;
    if (has("SELECT 1 FROM login_profiles WHERE user_id = ?"))
      throw deleteConflict("Cannot delete entity, must delete login profile first.");
    if (has("SELECT 1 FROM access_keys WHERE user_id = ?")) throw deleteConflict("Cannot delete entity, must delete access keys first.");
    if (has("SELECT 1 FROM mfa_devices WHERE user_id = ?")) throw deleteConflict("Cannot delete entity, must delete MFA device first.");
    if (has("SELECT 1 FROM ssh_public_keys WHERE user_id = ?")) {
      throw deleteConflict("Cannot delete entity, must delete SSH public keys first.");
    }
    if (has("SELECT 1 FROM signing_certificates WHERE user_id = ?")) {
      throw deleteConflict("Cannot delete entity, must delete signing certificates first.");
    }
    if (has("SELECT 1 FROM service_specific_credentials WHERE user_id = ?")) {
      throw deleteConflict("Cannot delete entity, must delete service specific credentials first.");
    }
    if (has("SELECT 1 FROM inline_policies WHERE entity_type = 'user' AND entity_id = ?")) {
      throw deleteConflict("Cannot delete entity, must delete policies first.");
    }
    if (has("SELECT 1 FROM attachments WHERE entity_type = 'user' AND entity_id = ?")) {
      throw deleteConflict("Cannot delete entity, must detach all policies first.");
    }
    if (has("SELECT 1 FROM group_members WHERE user_id = ?"))
      throw deleteConflict("Cannot delete entity, must remove users from group first.");
    sql(ctx.db, "DELETE FROM users WHERE user_id = ?").run(u.user_id);
    sql(ctx.db, "DELETE FROM password_history WHERE user_id = ?").run(u.user_id);
    deleteAllTags(ctx, "user", u.user_id);
  },

  TagUser(input: { UserName: string; Tags: { Key: string; Value: string }[] }, ctx) {
    putTags(ctx, "user", getUser(ctx, input.UserName).user_id, input.Tags);
  },

  UntagUser(input: { UserName: string; TagKeys: string[] }, ctx) {
    removeTags(ctx, "user", getUser(ctx, input.UserName).user_id, input.TagKeys);
  },

  ListUserTags(input: { UserName: string; Marker?: string; MaxItems?: number }, ctx) {
    return pageOut(arrayPage(input, listTags(ctx, "user", getUser(ctx, input.UserName).user_id)), "Tags", (t) => t);
  },

  PutUserPermissionsBoundary(input: { UserName: string; PermissionsBoundary: string }, ctx) {
    const u = getUser(ctx, input.UserName);
    checkBoundary(ctx, input.PermissionsBoundary);
    sql(ctx.db, "UPDATE users SET permissions_boundary = ? WHERE user_id = ?").run(input.PermissionsBoundary, u.user_id);
  },

  DeleteUserPermissionsBoundary(input: { UserName: string }, ctx) {
    const u = getUser(ctx, input.UserName);
    sql(ctx.db, "UPDATE users SET permissions_boundary = NULL WHERE user_id = ?").run(u.user_id);
  },
};
