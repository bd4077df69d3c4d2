import type { Caller } from "../context";
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
  "AssumeRole",
  "AssumeRoleWithWebIdentity",
  "AssumeRoleWithSAML",
  "AssumeRoot",
  "GetFederationToken",
  "DecodeAuthorizationMessage",
]);
const READ = /^(Get|List|Simulate|Describe)/;

/** Whether a successful `action` may have changed what enforcement caches about principals. */
export const changesPrincipals = (action: string) =>
  !READ.test(action) && !KEEPS_PRINCIPALS.has(action) && !ORGANIZATIONS_KEEPS_PRINCIPALS.has(action);

/** The current write generation: caches built at an older one are stale. */
export const generationOf = (db: Db) => generations.get(db) ?? 0;

/** Invalidates every cached principal (after a write that may have changed one, and on every /_clef/ route). */
export function iamStateChanged(db: Db): void {
  generations.set(db, (generations.get(db) ?? 0) + 1);
}

/** The account root's permissions in its own account: everything (only SCPs limit a member account's root). */
const ROOT_PERMISSIONS = compilePolicy({
  id: "root",
  name: "root user",
  text: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }),
  sourceType: "none",
});

/** The IAM entity whose policies and tags a caller acts with: the user, the role of a role session, the federating user. */
export function identityOf(caller: Caller): { arn: string; tags?: { type: "user" | "role"; id: string } } | "root" | "none" {
  if (caller.type === "anonymous") return "none";
  if (caller.type === "user") return { arn: caller.arn, tags: { type: "user", id: caller.userId } };
  if (caller.type === "assumed-role") return { arn: caller.role!.arn, tags: { type: "role", id: caller.role!.id } };
  if (caller.type === "federated-user" && caller.federatedBy?.userId) {
    return { arn: caller.federatedBy.arn, tags: { type: "user", id: caller.federatedBy.userId } };
  }
  return "root";
}

const NO_DATA: PrincipalData = { identity: [], tags: {} };

function load(db: Db, who: Exclude<ReturnType<typeof identityOf>, "root" | "none">): PrincipalData {
  const policies = principalPolicies(db, who.arn);
  const tags: Keys = {};
  if (who.tags) {
    const rows = sql(db, "SELECT key, value FROM tags WHERE resource_type = ? AND resource_id = ? ORDER BY seq").all(
      who.tags.type,
      who.tags.id,
    ) as {
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

const ROOT_DATA: PrincipalData = { identity: [ROOT_PERMISSIONS], tags: {} };

/** The caller's identity policies, boundary and tags, from the cache while nothing has been written since they were read. */
export function principalData(db: Db, caller: Caller): PrincipalData {
  const who = identityOf(caller);
  if (who === "root") return ROOT_DATA;
  if (who === "none") return NO_DATA;
  const generation = generations.get(db) ?? 0;
  let cache = caches.get(db);
  if (!cache || cache.generation !== generation) caches.set(db, (cache = { generation, byArn: new Map() }));
  let data = cache.byArn.get(who.arn);
  if (!data) {
    if (cache.byArn.size >= MAX_PRINCIPALS) cache.byArn.clear();
    cache.byArn.set(who.arn, (data = load(db, who)));
  }
  return data;
}
