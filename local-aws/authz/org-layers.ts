import type { Db } from "../store/db";
import { sql } from "../store/db";
import { compilePolicy, type CompiledPolicy } from "../../lib/policy/evaluate";
import { policyArn, type Org } from "../organizations/shared";
import { ancestors, enabledPolicyTypes, orgOfAccount, pathOf, rootOf } from "../organizations/tree";
import { generationOf } from "./principal-cache";

/**
 * What an account's place in an organization adds to authorization: the SCP levels its principals are held to and the
 * RCP levels its resources are held to (root → OUs → account, each level must allow), and aws:PrincipalOrgID /
 * aws:PrincipalOrgPaths. The management account and accounts outside an organization have no levels.
 */
export type OrgLayers = {
  orgId: string;
  orgPath: string;
  management: boolean;
  scps?: CompiledPolicy[][];
  rcps?: CompiledPolicy[][];
};

type PolicyRow = { policy_id: string; org_id: string; policy_type: string; name: string; content: string };

const ATTACHED_SQL = `SELECT p.policy_id, p.org_id, p.policy_type, p.name, p.content FROM org_attachments a
  JOIN org_policies p ON p.policy_id = a.policy_id WHERE a.target_id = ? AND a.org_id = ? AND p.policy_type = ? ORDER BY a.seq`;

/** Compiled policies are reused while their content is the same (policy IDs are never reused with other content). */
const compiled = new Map<string, CompiledPolicy>();

function compiledPolicy(org: Org, p: PolicyRow): CompiledPolicy {
  const key = `${p.policy_id}\n${p.content}`;
  let c = compiled.get(key);
  if (!c) {
    if (compiled.size > 5000) compiled.clear();
    c = compilePolicy({ id: policyArn(org, p), name: p.name, text: p.content, sourceType: "none" });
    compiled.set(key, c);
  }
  return c;
}

function levels(db: Db, org: Org, accountId: string, type: string): CompiledPolicy[][] {
  const path = [...ancestors(db, org, accountId).reverse(), accountId];
  return path.map((target) => (sql(db, ATTACHED_SQL).all(target, org.org_id, type) as PolicyRow[]).map((p) => compiledPolicy(org, p)));
}

function load(db: Db, accountId: string): OrgLayers | undefined {
  const org = orgOfAccount(db, accountId);
  if (!org) return undefined;
  const base = {
    orgId: org.org_id,
    orgPath: pathOf(db, org, accountId).replace(/\d{12}\/$/, ""),
    management: org.management_account_id === accountId,
  };
  if (base.management || org.feature_set !== "ALL") return base;
  const enabled = enabledPolicyTypes(db, rootOf(db, org.org_id).root_id);
  return {
    ...base,
    ...(enabled.includes("SERVICE_CONTROL_POLICY") ? { scps: levels(db, org, accountId, "SERVICE_CONTROL_POLICY") } : {}),
    ...(enabled.includes("RESOURCE_CONTROL_POLICY") ? { rcps: levels(db, org, accountId, "RESOURCE_CONTROL_POLICY") } : {}),
  };
}

const caches = new WeakMap<Db, { generation: number; byAccount: Map<string, OrgLayers | undefined> }>();

/** The account's organization layers, from the cache while nothing has been written since they were read. */
export function orgLayers(db: Db, accountId: string): OrgLayers | undefined {
  const generation = generationOf(db);
  let cache = caches.get(db);
  if (!cache || cache.generation !== generation) caches.set(db, (cache = { generation, byAccount: new Map() }));
  if (!cache.byAccount.has(accountId)) cache.byAccount.set(accountId, load(db, accountId));
  return cache.byAccount.get(accountId);
}
