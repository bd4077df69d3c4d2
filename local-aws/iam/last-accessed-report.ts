import type { Ctx } from "../context";
import { sql } from "../store/db";
import { invalidInput, noSuchEntity } from "../protocol/errors";
import { managedPolicyInput, parsePrincipalArn, principalPolicies } from "../authz/principal-policies";
import type { ServicePermissions } from "../../lib/policy/effective";
import { cachedEffectivePermissions } from "../../lib/policy/effective/cached";
import type { PolicyInput } from "../../lib/policy/evaluate/types";
import { flushAccess } from "./access-records";

/** What a last accessed report is about: a user, group or role, or a managed policy. */
export type ReportTarget = { type: "user" | "group" | "role" | "policy"; arn: string; policies: PolicyInput[]; entities: Entity[] };
export type Entity = { Arn: string; Name: string; Type: "USER" | "ROLE"; Id: string; Path: string };

/**
 * Services whose management actions (creating, deleting, modifying: the Write, Permissions management and Tagging
 * levels) IAM reports action by action, among those local-aws serves ("IAM action last accessed information services
 * and actions" in the IAM User Guide).
 */
export const TRACKED_SERVICES = new Set(["iam", "organizations"]);
const TRACKED_LEVELS = new Set(["Write", "Permissions management", "Tagging"]);

type Row = { id: string; name: string; arn: string; path: string };
const USERS_OF_GROUP = `SELECT u.user_id AS id, u.name, u.arn, u.path FROM group_members m JOIN users u ON u.user_id = m.user_id
  WHERE m.group_id = ? ORDER BY u.name_lc`;
const POLICY_USERS = `SELECT DISTINCT u.user_id AS id, u.name, u.arn, u.path FROM users u WHERE u.account_id = ? AND (
    u.user_id IN (SELECT entity_id FROM attachments WHERE entity_type = 'user' AND policy_arn = ?)
    OR u.user_id IN (SELECT m.user_id FROM group_members m JOIN attachments a ON a.entity_type = 'group' AND a.entity_id = m.group_id
                     WHERE a.policy_arn = ?))
  ORDER BY u.name_lc`;
const POLICY_ROLES = `SELECT r.role_id AS id, r.name, r.arn, r.path FROM roles r JOIN attachments a ON a.entity_type = 'role'
  AND a.entity_id = r.role_id WHERE r.account_id = ? AND a.policy_arn = ? ORDER BY r.name_lc`;

const entity = (type: "USER" | "ROLE", r: Row): Entity => ({ Arn: r.arn, Name: r.name, Type: type, Id: r.id, Path: r.path });

const ENTITY_SQL = {
  user: "SELECT user_id AS id, name, arn, path FROM users WHERE account_id = ? AND arn = ?",
  group: "SELECT group_id AS id, name, arn, path FROM groups WHERE account_id = ? AND arn = ?",
  role: "SELECT role_id AS id, name, arn, path FROM roles WHERE account_id = ? AND arn = ?",
} as const;

/** The user, group, role or managed policy an ARN names, with its policies and the users and roles it reports on. */
export function reportTarget(ctx: Ctx, arn: string, kinds: ReportTarget["type"][]): ReportTarget {
  const principal = parsePrincipalArn(arn);
  if (principal && arn.startsWith("arn:aws:iam:") && kinds.includes(principal.type)) {
    const row = sql(ctx.db, ENTITY_SQL[principal.type]).get(ctx.accountId, arn) as Row | undefined;
    if (!row) throw noSuchEntity(`The ${principal.type} with name ${principal.name} cannot be found.`);
    const policies = principalPolicies(ctx.db, arn)?.identity ?? [];
    const entities =
      principal.type === "group"
        ? (sql(ctx.db, USERS_OF_GROUP).all(row.id) as Row[]).map((r) => entity("USER", r))
        : [entity(principal.type === "user" ? "USER" : "ROLE", row)];
    return { type: principal.type, arn, policies, entities };
  }
  if (kinds.includes("policy") && /^arn:aws:iam::(\d{12}|aws):policy\//.test(arn)) {
    const policy = managedPolicyInput(ctx.db, arn);
    const owner = /^arn:aws:iam::(\d{12}|aws):/.exec(arn)![1];
    if (!policy || (owner !== "aws" && owner !== ctx.accountId)) throw noSuchEntity(`Policy ${arn} was not found.`);
    const users = (sql(ctx.db, POLICY_USERS).all(ctx.accountId, arn, arn) as Row[]).map((r) => entity("USER", r));
    const roles = (sql(ctx.db, POLICY_ROLES).all(ctx.accountId, arn) as Row[]).map((r) => entity("ROLE", r));
    return { type: "policy", arn, policies: [policy], entities: [...users, ...roles] };
  }
  throw invalidInput(`ARN ${arn} is not valid.`);
}

/** The services the target's policies allow at least one action of, with the actions they allow. */
export function allowedServices(policies: PolicyInput[]): ServicePermissions[] {
  if (!policies.length) return [];
  return cachedEffectivePermissions({ identity: policies }).services.filter((s) => s.allowed > 0);
}

export type AccessRow = { entity_id: string; entity_arn: string; service: string; action: string; region: string; last_accessed: string };

/** Every recorded attempt of these entities (flushed first: the report reads what the request path noted). */
export function accessesOf(ctx: Ctx, entityIds: string[]): AccessRow[] {
  flushAccess(ctx.db);
  if (!entityIds.length) return [];
  const marks = entityIds.map(() => "?").join(", ");
  return sql(ctx.db, `SELECT * FROM last_accessed WHERE account_id = ? AND entity_id IN (${marks})`).all(
    ctx.accountId,
    ...entityIds,
  ) as AccessRow[];
}

type Latest = { time: string; arn: string; region: string };

const later = (a: Latest | undefined, r: AccessRow): Latest =>
  a && a.time >= r.last_accessed ? a : { time: r.last_accessed, arn: r.entity_arn, region: r.region };

/**
 * The report as GetServiceLastAccessedDetails returns it: each allowed service with its latest attempt, by which entity
 * and where, how many entities tried it, and (ACTION_LEVEL, tracked services) the same for each management action.
 */
export function serviceReport(services: ServicePermissions[], accesses: AccessRow[], actionLevel: boolean) {
  return services
    .map((s) => {
      const rows = accesses.filter((r) => r.service === s.prefix);
      const latest = rows.reduce<Latest | undefined>(later, undefined);
      const out: Record<string, unknown> = { ServiceName: s.name, ServiceNamespace: s.prefix };
      if (latest) {
        Object.assign(out, { LastAuthenticated: latest.time, LastAuthenticatedEntity: latest.arn, LastAuthenticatedRegion: latest.region });
        out.TotalAuthenticatedEntities = new Set(rows.map((r) => r.entity_id)).size;
      }
      if (actionLevel && TRACKED_SERVICES.has(s.prefix)) {
        out.TrackedActionsLastAccessed = s.levels
          .filter((l) => TRACKED_LEVELS.has(l.level))
          .flatMap((l) => l.allowedActions)
          .map((a) => {
            const hit = rows.filter((r) => r.action.toLowerCase() === a.name.toLowerCase()).reduce<Latest | undefined>(later, undefined);
            return hit
              ? { ActionName: a.name, LastAccessedEntity: hit.arn, LastAccessedTime: hit.time, LastAccessedRegion: hit.region }
              : { ActionName: a.name };
          });
      }
      return out;
    })
    .sort((a, b) => String(a.ServiceName).localeCompare(String(b.ServiceName)));
}

/** Each entity's latest attempt at each service it tried: GetServiceLastAccessedDetailsWithEntities reads it. */
export function entityReport(accesses: AccessRow[]): Record<string, Record<string, string>> {
  const byService: Record<string, Record<string, string>> = {};
  for (const r of accesses) {
    const seen = (byService[r.service] ??= {});
    if (!seen[r.entity_id] || seen[r.entity_id] < r.last_accessed) seen[r.entity_id] = r.last_accessed;
  }
  return byService;
}
