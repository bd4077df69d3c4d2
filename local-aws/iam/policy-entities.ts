import type { Ctx, Handlers } from "../context";
import { sql } from "../store/db";
import { noSuchEntity } from "../protocol/errors";
import { arrayPage, pathPrefix } from "./shared";
import { findPolicy } from "./policy-model";

type Kind = "group" | "user" | "role";
type Entity = { kind: Kind; id: string; name: string };

const tables: Record<Kind, { table: string; id: string }> = {
  group: { table: "groups", id: "group_id" },
  user: { table: "users", id: "user_id" },
  role: { table: "roles", id: "role_id" },
};

const filterKinds: Record<string, Kind[]> = { Group: ["group"], User: ["user"], Role: ["role"] };

function entitiesOf(ctx: Ctx, kind: Kind, policyArn: string, prefix: string, boundary: boolean): Entity[] {
  const { table, id } = tables[kind];
  const pathMatches = "substr(e.path, 1, length($prefix)) = $prefix";
  const query = boundary
    ? `SELECT e.${id} AS id, e.name FROM ${table} e
       WHERE e.account_id = $account AND e.permissions_boundary = $arn AND ${pathMatches} ORDER BY e.name_lc`
    : `SELECT e.${id} AS id, e.name FROM attachments a JOIN ${table} e ON e.${id} = a.entity_id
       WHERE a.entity_type = $kind AND a.policy_arn = $arn AND a.account_id = $account AND ${pathMatches} ORDER BY e.name_lc`;
  const rows = sql(ctx.db, query).all({ account: ctx.accountId, arn: policyArn, prefix, ...(boundary ? {} : { kind }) }) as {
    id: string;
    name: string;
  }[];
  return rows.map((r) => ({ kind, ...r }));
}

export const policyEntitiesHandlers: Handlers = {
  ListEntitiesForPolicy(
    input: {
      PolicyArn: string;
      EntityFilter?: string;
      PathPrefix?: string;
      PolicyUsageFilter?: string;
      Marker?: string;
      MaxItems?: number;
    },
    ctx,
  ) {
    if (!findPolicy(ctx, input.PolicyArn)) throw noSuchEntity(`Policy ${input.PolicyArn} does not exist or is not attachable.`);
    const boundary = input.PolicyUsageFilter === "PermissionsBoundary";
    // Groups cannot have a permissions boundary; the policy-type filters match no entity at all.
    const kinds = (
      input.EntityFilter === undefined ? (["group", "user", "role"] as Kind[]) : (filterKinds[input.EntityFilter] ?? [])
    ).filter((k) => !(boundary && k === "group"));
    const all = kinds.flatMap((k) => entitiesOf(ctx, k, input.PolicyArn, pathPrefix(input), boundary));
    const page = arrayPage(input, all);
    const of = (k: Kind) => page.items.filter((e) => e.kind === k);
    return {
      PolicyGroups: of("group").map((e) => ({ GroupName: e.name, GroupId: e.id })),
      PolicyUsers: of("user").map((e) => ({ UserName: e.name, UserId: e.id })),
      PolicyRoles: of("role").map((e) => ({ RoleName: e.name, RoleId: e.id })),
      IsTruncated: page.IsTruncated,
      ...(page.Marker ? { Marker: page.Marker } : {}),
    };
  },
};
