import type { Caller } from "../context";
import type { Db } from "../store/db";
import { compilePolicy, type CompiledPolicy } from "../../lib/policy/evaluate";
import { managedPolicyInput } from "./principal-policies";
import { generationOf } from "./principal-cache";

const caches = new WeakMap<Db, { generation: number; bySession: Map<string, CompiledPolicy[]> }>();

function load(db: Db, caller: Caller): CompiledPolicy[] {
  const out: CompiledPolicy[] = [];
  (caller.sessionPolicies ?? []).forEach((p, i) => {
    if ("text" in p) out.push(compilePolicy({ id: `session-policy/${i}`, name: "Session policy", text: p.text, sourceType: "none" }));
    else {
      // A managed session policy deleted since the session began no longer allows anything.
      const managed = managedPolicyInput(db, p.arn);
      if (managed) out.push(compilePolicy({ ...managed, sourceType: "none" }));
    }
  });
  return out;
}

/**
 * The session policies a role session or federated user was issued with (managed ones at their current default
 * version), compiled once per session; undefined when none apply. A federated user without any has none at all, so
 * its requests are implicitly denied (IAM User Guide, GetFederationToken).
 */
export function sessionPoliciesOf(db: Db, caller: Caller): CompiledPolicy[] | undefined {
  if (!caller.sessionPolicies?.length) return caller.type === "federated-user" ? [] : undefined;
  const generation = generationOf(db);
  let cache = caches.get(db);
  if (!cache || cache.generation !== generation) caches.set(db, (cache = { generation, bySession: new Map() }));
  let policies = cache.bySession.get(caller.accessKeyId);
  if (!policies) {
    if (cache.bySession.size > 1000) cache.bySession.clear();
    cache.bySession.set(caller.accessKeyId, (policies = load(db, caller)));
  }
  return policies;
}
