import type { PolicyInput } from "../../lib/policy/evaluate/types";
import { sql, type Db } from "../store/db";

export type PrincipalPolicies = { identity: PolicyInput[]; boundary?: PolicyInput };

type EntityType = "user" | "group" | "role";
type ManagedRow = { arn: string; name: string; account_id: string; policy_id: string; version_id: string };
type InlineRow = { name: string; document: string };
type EntityRow = { id: string; name: string; path: string; boundary: string | null };

const ENTITY_SQL: Record<EntityType, string> = {
  user: "SELECT user_id AS id, name, path, permissions_boundary AS boundary FROM users WHERE account_id = ? AND name_lc = ?",
  group: "SELECT group_id AS id, name, path, NULL AS boundary FROM groups WHERE account_id = ? AND name_lc = ?",
  role: "SELECT role_id AS id, name, path, permissions_boundary AS boundary FROM roles WHERE account_id = ? AND name_lc = ?",
};

const MANAGED_COLUMNS = "p.arn, p.name, p.account_id, p.policy_id, p.default_version_id AS version_id";
const ATTACHED_SQL = `SELECT ${MANAGED_COLUMNS} FROM attachments a JOIN policies p ON p.arn = a.policy_arn
  WHERE a.entity_type = ? AND a.entity_id = ? ORDER BY a.seq`;
const DOCUMENT_SQL = "SELECT document FROM policy_versions WHERE policy_id = ? AND version_id = ?";
const INLINE_SQL = "SELECT name, document FROM inline_policies WHERE entity_type = ? AND entity_id = ? ORDER BY name";
const GROUPS_SQL = `SELECT g.group_id AS id, g.name FROM group_members m JOIN groups g ON g.group_id = m.group_id
  WHERE m.user_id = ? ORDER BY g.name_lc`;
const POLICY_SQL = `SELECT ${MANAGED_COLUMNS} FROM policies p WHERE p.arn = ?`;

/**
 * `arn:aws:iam::A:user/path/name`, `group/...`, `role/...`, or a role session `arn:aws:sts::A:assumed-role/R/S`
 * (the role's policies). Anything else (root, services, federated users) has no IAM entity: undefined.
 */
export function parsePrincipalArn(arn: string): { account: string; type: EntityType; path?: string; name: string } | undefined {
  const iam = /^arn:aws:iam::(\d{12}):(user|group|role)(\/(?:[^/]*\/)*)([^/]+)$/.exec(arn);
  if (iam) return { account: iam[1], type: iam[2] as EntityType, path: iam[3], name: iam[4] };
  const session = /^arn:aws:sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/.exec(arn);
  if (session) return { account: session[1], type: "role", name: session[2] };
  return undefined;
}

/**
 * A policy version's document never changes and IDs are never reused, so managed inputs are cached by policy ID and
 * version: AWS managed documents run to 100+ KB, and the same objects keep the engine's compile cache warm.
 */
const managedCache = new WeakMap<Db, Map<string, PolicyInput>>();
const MANAGED_CACHE_SIZE = 2000;

function managedInput(db: Db, r: ManagedRow): PolicyInput | undefined {
  let cache = managedCache.get(db);
  if (!cache) managedCache.set(db, (cache = new Map()));
  const key = `${r.policy_id}/${r.version_id}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const doc = sql(db, DOCUMENT_SQL).get(r.policy_id, r.version_id) as { document: string } | undefined;
  if (!doc) return undefined;
  const input: PolicyInput = {
    id: r.arn,
    name: r.name,
    text: doc.document,
    sourceType: r.account_id === "aws" ? "aws-managed" : "user-managed",
  };
  if (cache.size >= MANAGED_CACHE_SIZE) cache.clear();
  cache.set(key, input);
  return input;
}

/** AWS's simulator names an inline policy `<entity type>_<entity name>_<policy name>`. */
const inlineInput = (type: EntityType, entity: string, r: InlineRow): PolicyInput => ({
  id: `${type}/${entity}/inline/${r.name}`,
  name: `${type}_${entity}_${r.name}`,
  text: r.document,
  sourceType: type,
});

function entityPolicies(db: Db, type: EntityType, id: string, name: string, out: PolicyInput[]): void {
  for (const r of sql(db, ATTACHED_SQL).all(type, id) as ManagedRow[]) {
    const input = managedInput(db, r);
    if (input) out.push(input);
  }
  for (const r of sql(db, INLINE_SQL).all(type, id) as InlineRow[]) out.push(inlineInput(type, name, r));
}

/** A managed policy (customer or AWS managed) by ARN, at its default version; undefined when it doesn't exist. */
export function managedPolicyInput(db: Db, policyArn: string): PolicyInput | undefined {
  const row = sql(db, POLICY_SQL).get(policyArn) as ManagedRow | undefined;
  return row && managedInput(db, row);
}

/**
 * The identity-based policies of a user (with its groups'), group or role, and its permissions boundary, as the
 * evaluation engine takes them; undefined when no such entity exists. Runs on every enforced request.
 */
export function principalPolicies(db: Db, principalArn: string): PrincipalPolicies | undefined {
  const p = parsePrincipalArn(principalArn);
  if (!p) return undefined;
  const entity = sql(db, ENTITY_SQL[p.type]).get(p.account, p.name.toLowerCase()) as EntityRow | undefined;
  if (!entity || (p.path !== undefined && entity.path !== p.path)) return undefined;
  const identity: PolicyInput[] = [];
  entityPolicies(db, p.type, entity.id, entity.name, identity);
  if (p.type === "user") {
    for (const g of sql(db, GROUPS_SQL).all(entity.id) as { id: string; name: string }[]) {
      entityPolicies(db, "group", g.id, g.name, identity);
    }
  }
  const boundary = entity.boundary ? managedPolicyInput(db, entity.boundary) : undefined;
  return boundary ? { identity, boundary } : { identity };
}
