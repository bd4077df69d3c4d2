import type { Ctx, Handlers } from "../context";
import { sql } from "../store/db";
import { validationError } from "../protocol/errors";
import { boundaryOut, keysetPage, type GroupRow, type RoleRow, type UserRow } from "./shared";
import { roleCoreOut } from "./roles";
import {
  attachedPolicies,
  groupNamesOf,
  inlinePolicies,
  instanceProfilesOf,
  policyUsage,
  policyVersionsOf,
  tagsOf,
} from "./authorization-details-loaders";

type EntityFilter = "User" | "Role" | "Group" | "LocalManagedPolicy" | "AWSManagedPolicy";
type Input = { Filter?: EntityFilter[]; Marker?: string; MaxItems?: number };

type PolicyRow = {
  policy_id: string;
  name: string;
  path: string;
  arn: string;
  default_version_id: string;
  create_date: string;
  update_date: string;
};

/** One page spans users, then groups, then roles, then policies; the marker names the section and the last key. */
type Item = { section: number; key: string; row: unknown };

type Fetch = (after: string, limit: number) => Item[];

function sectionFetchers(ctx: Ctx, filter: EntityFilter[]): (Fetch | undefined)[] {
  const want = (t: EntityFilter) => filter.length === 0 || filter.includes(t);
  const byName =
    (section: number, table: "users" | "groups" | "roles"): Fetch =>
    (after, limit) =>
      (
        sql(ctx.db, `SELECT * FROM ${table} WHERE account_id = ? AND name_lc > ? ORDER BY name_lc LIMIT ?`).all(
          ctx.accountId,
          after,
          limit,
        ) as { name_lc: string }[]
      ).map((row) => ({ section, key: row.name_lc, row }));
  const local = want("LocalManagedPolicy");
  const aws = want("AWSManagedPolicy");
  // AWS managed policies appear only while something in this account attaches them. The page walks the ARN index
  // from the marker (`+p.account_id` keeps the planner from gathering and sorting every policy of the account).
  const policies: Fetch = (after, limit) =>
    (
      sql(
        ctx.db,
        `SELECT * FROM policies p WHERE p.arn > ? AND (
         (+p.account_id = ? AND ?) OR
         (+p.account_id = 'aws' AND ? AND EXISTS (SELECT 1 FROM attachments a WHERE a.policy_arn = p.arn AND a.account_id = ?)))
       ORDER BY p.arn LIMIT ?`,
      ).all(after, ctx.accountId, local ? 1 : 0, aws ? 1 : 0, ctx.accountId, limit) as PolicyRow[]
    ).map((row) => ({
      section: 3,
      key: row.arn,
      row,
    }));
  return [
    want("User") ? byName(0, "users") : undefined,
    want("Group") ? byName(1, "groups") : undefined,
    want("Role") ? byName(2, "roles") : undefined,
    local || aws ? policies : undefined,
  ];
}

function parseKey(after: string): [number, string] {
  if (after === "") return [0, ""];
  const colon = after.indexOf(":");
  const section = Number(after.slice(0, colon));
  if (colon < 0 || !Number.isInteger(section) || section < 0 || section > 3) throw validationError("Invalid Marker.");
  return [section, after.slice(colon + 1)];
}

function combined(fetchers: (Fetch | undefined)[]): Fetch {
  return (after, limit) => {
    const [start, startKey] = parseKey(after);
    const items: Item[] = [];
    for (let s = start; s < fetchers.length && items.length < limit; s++) {
      const fetch = fetchers[s];
      if (fetch) items.push(...fetch(s === start ? startKey : "", limit - items.length));
    }
    return items;
  };
}

const rowsOf = <T>(items: Item[], section: number) => items.filter((i) => i.section === section).map((i) => i.row as T);

const tagsMember = (tags: { Key: string; Value: string }[] | undefined) => (tags?.length ? { Tags: tags } : {});

function userDetails(ctx: Ctx, users: UserRow[]) {
  const ids = users.map((u) => u.user_id);
  const [inline, groups, attached, tags] = [
    inlinePolicies(ctx, "user", ids),
    groupNamesOf(ctx, ids),
    attachedPolicies(ctx, "user", ids),
    tagsOf(ctx, "user", ids),
  ];
  return users.map((u) => ({
    Path: u.path,
    UserName: u.name,
    UserId: u.user_id,
    Arn: u.arn,
    CreateDate: new Date(u.create_date),
    UserPolicyList: inline.get(u.user_id) ?? [],
    GroupList: groups.get(u.user_id) ?? [],
    AttachedManagedPolicies: attached.get(u.user_id) ?? [],
    PermissionsBoundary: boundaryOut(u.permissions_boundary),
    ...tagsMember(tags.get(u.user_id)),
  }));
}

function groupDetails(ctx: Ctx, groups: GroupRow[]) {
  const ids = groups.map((g) => g.group_id);
  const [inline, attached] = [inlinePolicies(ctx, "group", ids), attachedPolicies(ctx, "group", ids)];
  return groups.map((g) => ({
    Path: g.path,
    GroupName: g.name,
    GroupId: g.group_id,
    Arn: g.arn,
    CreateDate: new Date(g.create_date),
    GroupPolicyList: inline.get(g.group_id) ?? [],
    AttachedManagedPolicies: attached.get(g.group_id) ?? [],
  }));
}

function roleDetails(ctx: Ctx, roles: RoleRow[]) {
  const ids = roles.map((r) => r.role_id);
  const [inline, attached, tags, profiles] = [
    inlinePolicies(ctx, "role", ids),
    attachedPolicies(ctx, "role", ids),
    tagsOf(ctx, "role", ids),
    instanceProfilesOf(ctx, ids),
  ];
  return roles.map((r) => ({
    ...roleCoreOut(r),
    InstanceProfileList: (profiles.get(r.role_id) ?? []).map((ip) => ({
      Path: ip.path,
      InstanceProfileName: ip.name,
      InstanceProfileId: ip.instance_profile_id,
      Arn: ip.arn,
      CreateDate: new Date(ip.create_date),
      Roles: [roleCoreOut(r)],
    })),
    RolePolicyList: inline.get(r.role_id) ?? [],
    AttachedManagedPolicies: attached.get(r.role_id) ?? [],
    PermissionsBoundary: boundaryOut(r.permissions_boundary),
    ...tagsMember(tags.get(r.role_id)),
    RoleLastUsed: r.last_used_date ? { LastUsedDate: new Date(r.last_used_date), Region: r.last_used_region ?? undefined } : {},
  }));
}

function policyDetails(ctx: Ctx, policies: PolicyRow[]) {
  const versions = policyVersionsOf(ctx, policies);
  const usage = policyUsage(
    ctx,
    policies.map((p) => p.arn),
  );
  return policies.map((p) => ({
    PolicyName: p.name,
    PolicyId: p.policy_id,
    Arn: p.arn,
    Path: p.path,
    DefaultVersionId: p.default_version_id,
    AttachmentCount: usage.attachments.get(p.arn) ?? 0,
    PermissionsBoundaryUsageCount: usage.boundaries.get(p.arn) ?? 0,
    IsAttachable: true,
    CreateDate: new Date(p.create_date),
    UpdateDate: new Date(p.update_date),
    PolicyVersionList: versions.get(p.policy_id) ?? [],
  }));
}

export const authorizationDetailsHandlers: Handlers = {
  GetAccountAuthorizationDetails(input: Input, ctx) {
    const page = keysetPage(input, combined(sectionFetchers(ctx, input.Filter ?? [])), (i) => `${i.section}:${i.key}`);
    return {
      UserDetailList: userDetails(ctx, rowsOf<UserRow>(page.items, 0)),
      GroupDetailList: groupDetails(ctx, rowsOf<GroupRow>(page.items, 1)),
      RoleDetailList: roleDetails(ctx, rowsOf<RoleRow>(page.items, 2)),
      Policies: policyDetails(ctx, rowsOf<PolicyRow>(page.items, 3)),
      IsTruncated: page.IsTruncated,
      ...(page.Marker ? { Marker: page.Marker } : {}),
    };
  },
};
