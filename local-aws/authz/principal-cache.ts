import type { Db } from "../store/db";
import { sql } from "../store/db";
import { compilePolicy, type CompiledPolicy } from "../../lib/policy/evaluate";
import { principalPolicies } from "./principal-policies";
import { ORGANIZATIONS_KEEPS_PRINCIPALS } from "./org-rules";
import type { Keys } from "./checks";

/** What enforcement needs of a principal that only a write can change: its compiled policies and its tags. */
export type PrincipalData = { identity: CompiledPolicy[]; boundary?: CompiledPolicy; tags: Keys };

type Cache = { generation: number; byArn: Map<string, PrincipalData> };

const MAX_PRINCIPALS = 1000;
const caches = new WeakMap<Db, Cache>();
const generations = new WeakMap<Db, number>();

/**
 * Writes that cannot change an existing principal's policies, boundary, groups or tags: they create new entities,
 * or touch credentials, devices, instance profiles, trust policies and account settings. Anything not listed here
 * (and not a Get/List/Simulate read) invalidates the cache, so an action added later errs on the safe side.
 */
const KEEPS_PRINCIPALS = new Set([
  "CreateUser",
  "CreateGroup",
  "CreateRole",
  "CreatePolicy",
  "CreateInstanceProfile",
  "CreateVirtualMFADevice",
  "CreateAccessKey",
  "UpdateAccessKey",
  "DeleteAccessKey",
  "CreateLoginProfile",
  "UpdateLoginProfile",
  "DeleteLoginProfile",
  "ChangePassword",
  "EnableMFADevice",
  "DeactivateMFADevice",
  "ResyncMFADevice",
  "DeleteVirtualMFADevice",
  "TagMFADevice",
  "UntagMFADevice",
  "AddRoleToInstanceProfile",
  "RemoveRoleFromInstanceProfile",
  "DeleteInstanceProfile",
  "TagInstanceProfile",
  "UntagInstanceProfile",
  "TagPolicy",
  "UntagPolicy",
  "UpdateAssumeRolePolicy",
  "UpdateRole",
  "UpdateRoleDescription",
  "UpdateAccountPasswordPolicy",
  "DeleteAccountPasswordPolicy",
  "CreateAccountAlias",
  "DeleteAccountAlias",
  "GenerateCredentialReport",
  "GetSessionToken",
]);
const READ = /^(Get|List|Simulate|Describe)/;

/** Whether a successful `action` may have changed what enforcement caches about principals. */
export const changesPrincipals = (action: string) =>
  !READ.test(action) && !KEEPS_PRINCIPALS.has(action) && !ORGANIZATIONS_KEEPS_PRINCIPALS.has(action);

/** Invalidates every cached principal (after a write that may have changed one, and on every /_clef/ route). */
export function iamStateChanged(db: Db): void {
  generations.set(db, (generations.get(db) ?? 0) + 1);
}

function load(db: Db, arn: string, userId: string | undefined): PrincipalData {
  const policies = principalPolicies(db, arn);
  const tags: Keys = {};
  if (userId) {
    const rows = sql(db, "SELECT key, value FROM tags WHERE resource_type = 'user' AND resource_id = ?").all(userId) as {
      key: string;
      value: string;
    }[];
    for (const t of rows) tags[`aws:PrincipalTag/${t.key}`] = t.value;
  }
  return {
    identity: (policies?.identity ?? []).map(compilePolicy),
    ...(policies?.boundary ? { boundary: compilePolicy(policies.boundary) } : {}),
    tags,
  };
}

/** The principal's policies and tags, from the cache while nothing has been written since they were read. */
export function principalData(db: Db, arn: string, userId: string | undefined): PrincipalData {
  const generation = generations.get(db) ?? 0;
  let cache = caches.get(db);
  if (!cache || cache.generation !== generation) caches.set(db, (cache = { generation, byArn: new Map() }));
  let data = cache.byArn.get(arn);
  if (!data) {
    if (cache.byArn.size >= MAX_PRINCIPALS) cache.byArn.clear();
    cache.byArn.set(arn, (data = load(db, arn, userId)));
  }
  return data;
}
