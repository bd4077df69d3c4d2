import { catalogueVersion } from "../catalogue";
import type { PolicyInput, PolicyLayer } from "../evaluate/types";
import { actionIndex } from "./action-index";
import { FULL, NONE, prepareStatements, type PreparedStatement } from "./statements";
import { STATUS, summarize } from "./summary";
import type { EffectivePermissions, EffectivePermissionsInput, EffectiveStatement, UnrecognizedAction } from "./types";

export type * from "./types";

/** A statement in use: where it sits (gate 0 = identity, 1.. = boundary, then each SCP level) and its number in the result. */
export type Placed = { prepared: PreparedStatement; gate: number; ref: number };

/**
 * What a user or role may do, action by action over the whole catalogue, following AWS's "Policy evaluation logic":
 * an action is allowed when an identity-based policy allows it, the permissions boundary (if any) allows it, and
 * every SCP level (if any) allows it, and no Deny in any of them denies it outright. Its status is the narrowest of
 * those layers' widest grant (each layer: full > partial > conditional); a Deny only on some resources makes it at
 * most partial, a Deny under a condition at most conditional. NotAction matches every catalogue action its list does
 * not; Resource ARNs are not checked against the action's resource types (any ARN other than "*" is partial).
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

  // Per action: the narrowest gate's widest Allow, and the widest Deny of any layer.
  const allowed = new Uint8Array(count);
  const gateRank = new Uint8Array(count);
  const denied = new Uint8Array(count);
  layers.forEach((_, gate) => {
    const target = gate === 0 ? allowed : gateRank;
    for (const { prepared: p, gate: g } of placed) {
      if (g !== gate || p.effect !== "Allow") continue;
      widen(target, p.actions, p.rank);
    }
    if (gate === 0) return;
    for (let i = 0; i < count; i++) if (gateRank[i] < allowed[i]) allowed[i] = gateRank[i];
    gateRank.fill(NONE);
  });
  for (const { prepared: p } of placed) if (p.effect === "Deny") widen(denied, p.actions, p.rank);
  for (let i = 0; i < count; i++) {
    const d = denied[i];
    if (d === NONE) continue;
    allowed[i] = d === FULL ? NONE : Math.min(allowed[i], d);
  }
  return {
    ...summarize(allowed, denied, placed),
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
    policyId: policy.id, policyName: policy.name, layer, index: p.index, effect: p.effect, span: p.span, start: p.start, end: p.end,
    notResource: p.notResource, notAction: p.notAction, conditionKeys: p.conditionKeys, status: STATUS[p.rank], actionCount: p.actions.length,
  };
  if (policy.sourceType !== undefined) out.sourceType = policy.sourceType;
  if (level !== undefined) out.level = level;
  if (p.sid !== undefined) out.sid = p.sid;
  if (p.resources) out.resources = p.resources;
  return out;
}
