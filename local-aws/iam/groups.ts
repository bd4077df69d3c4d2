import type { Ctx, Handlers } from "../context";
import { sql } from "../store/db";
import { uniqueId } from "../store/ids";
import { deleteConflict, entityAlreadyExists, limitExceeded } from "../protocol/errors";
import { arn, getGroup, getUser, iso, keysetPage, pageOut, pathPrefix, reachesQuota, type GroupRow, type UserRow } from "./shared";
import { userOut } from "./users";

const MAX_GROUPS_PER_USER = 10;

type Paged = { Marker?: string; MaxItems?: number };
type Keyed<T> = T & { name_lc: string };

export const groupOut = (g: GroupRow) => ({
  Path: g.path,
  GroupName: g.name,
  GroupId: g.group_id,
  Arn: g.arn,
  CreateDate: new Date(g.create_date),
});

const groupExists = (ctx: Ctx, name: string) =>
  sql(ctx.db, "SELECT 1 FROM groups WHERE account_id = ? AND name_lc = ?").get(ctx.accountId, name.toLowerCase()) !== undefined;

export const groupsHandlers: Handlers = {
  CreateGroup(input: { GroupName: string; Path?: string }, ctx) {
    if (groupExists(ctx, input.GroupName)) throw entityAlreadyExists(`Group with name ${input.GroupName} already exists.`);
    if (reachesQuota(ctx, "groups", ctx.quotas.groupsPerAccount))
      throw limitExceeded(`Cannot exceed quota for GroupsPerAccount: ${ctx.quotas.groupsPerAccount}`);
    const path = input.Path ?? "/";
    sql(ctx.db, `INSERT INTO groups (group_id, account_id, name, name_lc, path, arn, create_date) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
      uniqueId("AGPA"),
      ctx.accountId,
      input.GroupName,
      input.GroupName.toLowerCase(),
      path,
      arn(ctx, "group", path, input.GroupName),
      iso(ctx.now),
    );
    return { Group: groupOut(getGroup(ctx, input.GroupName)) };
  },

  GetGroup(input: { GroupName: string } & Paged, ctx) {
    const g = getGroup(ctx, input.GroupName);
    const page = keysetPage(
      input,
      (after, limit) =>
        sql(
          ctx.db,
          `SELECT u.* FROM group_members m JOIN users u ON u.user_id = m.user_id
           WHERE m.group_id = ? AND u.name_lc > ? ORDER BY u.name_lc LIMIT ?`,
        ).all(g.group_id, after, limit) as Keyed<UserRow>[],
      (u) => u.name_lc,
    );
    return { Group: groupOut(g), ...pageOut(page, "Users", (u) => userOut(u)) };
  },

  ListGroups(input: { PathPrefix?: string } & Paged, ctx) {
    const prefix = pathPrefix(input);
    const page = keysetPage(
      input,
      (after, limit) =>
        sql(
          ctx.db,
          `SELECT * FROM groups WHERE account_id = ? AND substr(path, 1, length(?)) = ? AND name_lc > ?
           ORDER BY name_lc LIMIT ?`,
        ).all(ctx.accountId, prefix, prefix, after, limit) as Keyed<GroupRow>[],
      (g) => g.name_lc,
    );
    return pageOut(page, "Groups", groupOut);
  },

  UpdateGroup(input: { GroupName: string; NewGroupName?: string; NewPath?: string }, ctx) {
    const g = getGroup(ctx, input.GroupName);
    const name = input.NewGroupName ?? g.name;
    if (name.toLowerCase() !== g.name.toLowerCase() && groupExists(ctx, name)) {
      throw entityAlreadyExists(`Group with name ${name} already exists.`);
    }
    const path = input.NewPath ?? g.path;
    sql(ctx.db, "UPDATE groups SET name = ?, name_lc = ?, path = ?, arn = ? WHERE group_id = ?").run(
      name,
      name.toLowerCase(),
      path,
      arn(ctx, "group", path, name),
      g.group_id,
    );
  },

  DeleteGroup(input: { GroupName: string }, ctx) {
    const g = getGroup(ctx, input.GroupName);
    const has = (q: string) => sql(ctx.db, q).get(g.group_id) !== undefined;
    if (has("SELECT 1 FROM group_members WHERE group_id = ?"))
      throw deleteConflict("Cannot delete entity, must remove users from group first.");
    if (has("SELECT 1 FROM inline_policies WHERE entity_type = 'group' AND entity_id = ?")) {
      throw deleteConflict("Cannot delete entity, must delete policies first.");
    }
    if (has("SELECT 1 FROM attachments WHERE entity_type = 'group' AND entity_id = ?")) {
      throw deleteConflict("Cannot delete entity, must detach all policies first.");
    }
    sql(ctx.db, "DELETE FROM groups WHERE group_id = ?").run(g.group_id);
  },

  AddUserToGroup(input: { GroupName: string; UserName: string }, ctx) {
    const u = getUser(ctx, input.UserName);
    const g = getGroup(ctx, input.GroupName);
    const groups = sql(ctx.db, "SELECT group_id FROM group_members WHERE user_id = ?").all(u.user_id) as { group_id: string }[];
    if (groups.some((m) => m.group_id === g.group_id)) return;
    if (groups.length >= MAX_GROUPS_PER_USER) throw limitExceeded(`Cannot exceed quota for GroupsPerUser: ${MAX_GROUPS_PER_USER}`);
    sql(
      ctx.db,
      `INSERT INTO group_members (group_id, user_id, seq)
       VALUES (?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM group_members WHERE group_id = ?))`,
    ).run(g.group_id, u.user_id, g.group_id);
  },

  /** Removing a user who is not a member succeeds, as in AWS. */
  RemoveUserFromGroup(input: { GroupName: string; UserName: string }, ctx) {
    const u = getUser(ctx, input.UserName);
    const g = getGroup(ctx, input.GroupName);
    sql(ctx.db, "DELETE FROM group_members WHERE group_id = ? AND user_id = ?").run(g.group_id, u.user_id);
  },

  ListGroupsForUser(input: { UserName: string } & Paged, ctx) {
    const u = getUser(ctx, input.UserName);
    const page = keysetPage(
      input,
      (after, limit) =>
        sql(
          ctx.db,
          `SELECT g.* FROM group_members m JOIN groups g ON g.group_id = m.group_id
           WHERE m.user_id = ? AND g.name_lc > ? ORDER BY g.name_lc LIMIT ?`,
        ).all(u.user_id, after, limit) as Keyed<GroupRow>[],
      (g) => g.name_lc,
    );
    return pageOut(page, "Groups", groupOut);
  },
};
