import type { Ctx, Handlers } from "../context";
import { sql } from "../store/db";
import { uniqueId } from "../store/ids";
import { deleteConflict, entityAlreadyExists, limitExceeded, noSuchEntity } from "../protocol/errors";
import {
  arn,
  arrayPage,
  assertRoleModifiable,
  deleteAllTags,
  getRole,
  iso,
  keysetPage,
  listTags,
  pageOut,
  pathPrefix,
  putTags,
  removeTags,
  type RoleRow,
  type Tag,
} from "./shared";
import { roleCoreOut } from "./roles";

const INSTANCE_PROFILES_PER_ACCOUNT = 1000;
const ROLES_PER_INSTANCE_PROFILE = 1;

type ProfileRow = {
  instance_profile_id: string;
  account_id: string;
  name: string;
  name_lc: string;
  path: string;
  arn: string;
  create_date: string;
};

const findProfile = (ctx: Ctx, name: string) =>
  sql(ctx.db, "SELECT * FROM instance_profiles WHERE account_id = ? AND name_lc = ?").get(ctx.accountId, name.toLowerCase()) as
    ProfileRow | undefined;

function getProfile(ctx: Ctx, name: string): ProfileRow {
  const p = findProfile(ctx, name);
  if (!p) throw noSuchEntity(`Instance Profile ${name} cannot be found.`);
  return p;
}

const profileRoles = (ctx: Ctx, profileId: string) =>
  sql(
    ctx.db,
    `SELECT r.* FROM instance_profile_roles ipr JOIN roles r ON r.role_id = ipr.role_id
     WHERE ipr.instance_profile_id = ? ORDER BY r.name_lc`,
  ).all(profileId) as RoleRow[];

/** Listings omit the profile's tags, as AWS documents; GetInstanceProfile and CreateInstanceProfile carry them. */
function profileOut(ctx: Ctx, p: ProfileRow, withTags = false) {
  const tags = withTags ? listTags(ctx, "instance-profile", p.instance_profile_id) : [];
  return {
    Path: p.path,
    InstanceProfileName: p.name,
    InstanceProfileId: p.instance_profile_id,
    Arn: p.arn,
    CreateDate: new Date(p.create_date),
    Roles: profileRoles(ctx, p.instance_profile_id).map(roleCoreOut),
    ...(tags.length ? { Tags: tags } : {}),
  };
}

export const instanceProfilesHandlers: Handlers = {
  CreateInstanceProfile(input: { InstanceProfileName: string; Path?: string; Tags?: Tag[] }, ctx) {
    const name = input.InstanceProfileName;
    if (findProfile(ctx, name)) throw entityAlreadyExists(`Instance Profile ${name} already exists.`);
    const count = (sql(ctx.db, "SELECT COUNT(*) AS n FROM instance_profiles WHERE account_id = ?").get(ctx.accountId) as { n: number }).n;
    if (count >= INSTANCE_PROFILES_PER_ACCOUNT) {
      throw limitExceeded(`Cannot exceed quota for InstanceProfilesPerAccount: ${INSTANCE_PROFILES_PER_ACCOUNT}`);
    }
    const path = input.Path ?? "/";
    const id = uniqueId("AIPA");
    sql(
      ctx.db,
      `INSERT INTO instance_profiles (instance_profile_id, account_id, name, name_lc, path, arn, create_date)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, ctx.accountId, name, name.toLowerCase(), path, arn(ctx, "instance-profile", path, name), iso(ctx.now));
    putTags(ctx, "instance-profile", id, input.Tags);
    return { InstanceProfile: profileOut(ctx, getProfile(ctx, name), true) };
  },

  GetInstanceProfile(input: { InstanceProfileName: string }, ctx) {
    return { InstanceProfile: profileOut(ctx, getProfile(ctx, input.InstanceProfileName), true) };
  },

  ListInstanceProfiles(input: { PathPrefix?: string; Marker?: string; MaxItems?: number }, ctx) {
    const prefix = pathPrefix(input);
    const page = keysetPage(
      input,
      (after, limit) =>
        sql(
          ctx.db,
          `SELECT * FROM instance_profiles WHERE account_id = ? AND substr(path, 1, length(?)) = ? AND name_lc > ?
           ORDER BY name_lc LIMIT ?`,
        ).all(ctx.accountId, prefix, prefix, after, limit) as ProfileRow[],
      (p) => p.name_lc,
    );
    return pageOut(page, "InstanceProfiles", (p) => profileOut(ctx, p));
  },

  DeleteInstanceProfile(input: { InstanceProfileName: string }, ctx) {
    const p = getProfile(ctx, input.InstanceProfileName);
    if (sql(ctx.db, "SELECT 1 FROM instance_profile_roles WHERE instance_profile_id = ?").get(p.instance_profile_id)) {
      throw deleteConflict("Cannot delete entity, must remove roles from instance profile first.");
    }
    sql(ctx.db, "DELETE FROM instance_profiles WHERE instance_profile_id = ?").run(p.instance_profile_id);
    deleteAllTags(ctx, "instance-profile", p.instance_profile_id);
  },

  AddRoleToInstanceProfile(input: { InstanceProfileName: string; RoleName: string }, ctx) {
    const p = getProfile(ctx, input.InstanceProfileName);
    const role = getRole(ctx, input.RoleName);
    assertRoleModifiable(role);
    if (profileRoles(ctx, p.instance_profile_id).length >= ROLES_PER_INSTANCE_PROFILE) {
      throw limitExceeded(`Cannot exceed quota for InstanceSessionsPerInstanceProfile: ${ROLES_PER_INSTANCE_PROFILE}`);
    }
    sql(ctx.db, "INSERT INTO instance_profile_roles (instance_profile_id, role_id) VALUES (?, ?)").run(p.instance_profile_id, role.role_id);
  },

  RemoveRoleFromInstanceProfile(input: { InstanceProfileName: string; RoleName: string }, ctx) {
    const p = getProfile(ctx, input.InstanceProfileName);
    const role = getRole(ctx, input.RoleName);
    assertRoleModifiable(role);
    const removed = sql(ctx.db, "DELETE FROM instance_profile_roles WHERE instance_profile_id = ? AND role_id = ?").run(
      p.instance_profile_id,
      role.role_id,
    );
    if (removed.changes === 0) throw noSuchEntity(`The role with name ${input.RoleName} cannot be found.`);
  },

  ListInstanceProfilesForRole(input: { RoleName: string; Marker?: string; MaxItems?: number }, ctx) {
    const role = getRole(ctx, input.RoleName);
    const page = keysetPage(
      input,
      (after, limit) =>
        sql(
          ctx.db,
          `SELECT p.* FROM instance_profile_roles ipr JOIN instance_profiles p ON p.instance_profile_id = ipr.instance_profile_id
           WHERE ipr.role_id = ? AND p.name_lc > ? ORDER BY p.name_lc LIMIT ?`,
        ).all(role.role_id, after, limit) as ProfileRow[],
      (p) => p.name_lc,
    );
    return pageOut(page, "InstanceProfiles", (p) => profileOut(ctx, p));
  },

  TagInstanceProfile(input: { InstanceProfileName: string; Tags: Tag[] }, ctx) {
    putTags(ctx, "instance-profile", getProfile(ctx, input.InstanceProfileName).instance_profile_id, input.Tags);
  },

  UntagInstanceProfile(input: { InstanceProfileName: string; TagKeys: string[] }, ctx) {
    removeTags(ctx, "instance-profile", getProfile(ctx, input.InstanceProfileName).instance_profile_id, input.TagKeys);
  },

  ListInstanceProfileTags(input: { InstanceProfileName: string; Marker?: string; MaxItems?: number }, ctx) {
    const id = getProfile(ctx, input.InstanceProfileName).instance_profile_id;
    return pageOut(arrayPage(input, listTags(ctx, "instance-profile", id)), "Tags", (t) => t);
  },
};
