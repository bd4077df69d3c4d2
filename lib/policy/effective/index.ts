import { catalogueVersion } from "../catalogue";
import type { PolicyInput, PolicyLayer } from "../evaluate/types";
import { actionIndex } from "./action-index";
import * as ranks from "./statements";
import { prepareStatements, type PreparedStatement } from "./statements";
import { STATUS, summarize } from "./summary";
import type { EffectivePermissions, EffectivePermissionsInput, EffectiveStatement, RequiredLayer, UnrecognizedAction } from "./types";

export type * from "./types";

// Module-level copies: transpiled ESM reads imported bindings through getters, which 22k-action loops would pay for.
const { FULL, NONE } = ranks;

/** A statement in use: where it sits (gate 0 = identity, 1.. = boundary, then each SCP level) and its number in the result. */
export type Placed = { prepared: PreparedStatement; gate: number; ref: number };

/**
 * What a user or role may do, action by action over the whole catalogue, following AWS's "Policy evaluation logic".
 * Each action is in at most one list: allowed, when an identity-based policy allows it and so do the permissions
 * boundary (if any) and every SCP level (if any); denied, when a Deny in any of them denies it outright (all resources,
 * no conditions); blocked, when the identity-based policies allow it but the boundary or an SCP level does not.
 *
 * Status: each layer gives an action its widest Allow (full > partial > conditional); the action gets the narrowest of
 * those. A Deny on some resources (Resource ARNs, NotResource) makes it at most partial, a Deny under a condition at
 * most conditional (`limitedBy`); such Denies of actions nothing allows change nothing and are not listed. This
 * over-approximates: partial grants on different ARNs may share no resource, and a Condition may never hold.
 *
 * As the IAM console's policy summary: NotAction matches every catalogue action its list does not; access levels are
 * Full/Limited/None by allowed actions however allowed; Action values matching no catalogue action are "unrecognized".
 * Resource ARNs are not checked against the action's resource types. Resource-based and session policies are out of
 * scope: this is what the principal's own policies permit.
 */
export function effectivePermissions(input: EffectivePermissionsInput): EffectivePermissions {
  const { count } = actionIndex();
  const statements: EffectiveStatement[] = [];
  const placed: Placed[] = [];
  const unrecognized: UnrecognizedAction[] = [];
  const layers: { policies: PolicyInput[]; layer: PolicyLayer; level?: number }[] = [{ policies: input.identity, layer: "identity" }];
  if (input.boundary) layers.push({ policies: [input.boundary], layer: "boundary" });
  input.scps?.forEach((policies, level) => layers.push({ policies, layer: "scp", level }));

  layers.forEach(({ policies, layer, level }, gate) => {
    for (const policy of policies) {
      for (const prepared of prepareStatements(policy.text)) {
        const ref = statements.length;
        statements.push(reference(policy, prepared, layer, level));
        placed.push({ prepared, gate, ref });
        for (const u of prepared.unrecognized) unrecognized.push({ ...u, statement: ref });
      }
    }
  });

  // Per action: the widest identity-based Allow, narrowed by each gate's widest Allow and the widest Deny of any layer.
  const identity = new Uint8Array(count);
  for (const { prepared: p, gate } of placed) if (gate === 0 && p.effect === "Allow") widen(identity, p.actions, p.rank);
  const allowed = identity.slice();
  const missing = new Uint32Array(count);
  const gateRank = new Uint8Array(count);
  for (let gate = 1; gate < layers.length; gate++) {
    for (const { prepared: p, gate: g } of placed) if (g === gate && p.effect === "Allow") widen(gateRank, p.actions, p.rank);
    const bit = 1 << (gate - 1);
    for (let i = 0; i < count; i++) {
      const r = gateRank[i];
      if (r === NONE && identity[i] !== NONE) missing[i] |= bit;
      if (r < allowed[i]) allowed[i] = r;
    }
    gateRank.fill(NONE);
  }
  const denied = new Uint8Array(count);
  for (const { prepared: p } of placed) if (p.effect === "Deny") widen(denied, p.actions, p.rank);
  for (let i = 0; i < count; i++) {
    const d = denied[i];
    if (d !== NONE) allowed[i] = d === FULL ? NONE : Math.min(allowed[i], d);
  }
  const gates: RequiredLayer[] = layers
    .slice(1)
    .map(({ layer, level }) => (layer === "scp" ? { layer, level: level! } : { layer: "boundary" }));
  return {
    ...summarize({ identity, allowed, missing, denied, placed, gates }),
    statements,
    unrecognized,
    catalogueVersion,
  };
}

function widen(ranks: Uint8Array, actions: Int32Array, rank: number) {
  for (let i = 0; i < actions.length; i++) if (ranks[actions[i]] < rank) ranks[actions[i]] = rank;
}

function reference(policy: PolicyInput, p: PreparedStatement, layer: PolicyLayer, level: number | undefined): EffectiveStatement {
  const out: EffectiveStatement = {
    policyId: policy.id,
    policyName: policy.name,
    layer,
    index: p.index,
    effect: p.effect,
    span: p.span,
    start: p.start,
    end: p.end,
    notResource: p.notResource,
    notAction: p.notAction,
    conditionKeys: p.conditionKeys,
    status: STATUS[p.rank],
    actionCount: p.actions.length,
  };
  if (policy.sourceType !== undefined) out.sourceType = policy.sourceType;
  if (level !== undefined) out.level = level;
  if (p.sid !== undefined) out.sid = p.sid;
  if (p.resources) out.resources = p.resources;
  return out;
}
