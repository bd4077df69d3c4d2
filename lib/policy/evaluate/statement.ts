import { matchActions } from "./action-matcher";
import { compileArnPattern, matchArn } from "./arn-pattern";
import type { CompiledStatement, ResourceEntry } from "./compile";
import { conditionsHold } from "./condition";
import { GRANT, notPrincipalApplies, principalMatch } from "./principal";
import type { EvalState } from "./state";
import { resolveTemplate } from "./template";

const { NONE, SELF } = GRANT;

/**
 * Whether a statement applies to the request: 0 when it does not; otherwise how its Principal reached the caller
 * (always SELF outside resource-based policies, where Principal is not used).
 */
export function statementApplies(s: CompiledStatement, state: EvalState, resourceLayer: boolean): number {
  const actions = s.actions;
  if (!actions) return NONE;
  let hit = matchActions(actions, state.action, state.service);
  if (hit === s.notAction) return NONE;
  const resources = s.resources;
  if (resources) {
    hit = false;
    for (let i = 0; i < resources.length && !hit; i++) hit = resourceMatches(resources[i], state);
    if (hit === s.notResource) return NONE;
  }
  let strength: number = SELF;
  if (resourceLayer) {
    if (!s.principal) return NONE;
    if (s.notPrincipal) {
      // "The NotPrincipal element with a Deny effect will always deny any IAM principal that has a permissions
      // boundary policy attached" (IAM User Guide, "Permissions boundaries for IAM entities").
      const always = s.effect === "Deny" && state.hasBoundary;
      if (!always && !notPrincipalApplies(s.principal, state.request.principal)) return NONE;
    } else {
      strength = principalMatch(s.principal, state.request.principal);
      if (strength === NONE) return NONE;
    }
  }
  if (s.conditions && !conditionsHold(s.conditions, state)) return NONE;
  return strength;
}

function resourceMatches(entry: ResourceEntry, state: EvalState): boolean {
  if (entry.epoch !== state.epoch) {
    entry.result = resourceMatchesNow(entry, state);
    entry.epoch = state.epoch;
  }
  return entry.result;
}

function resourceMatchesNow(entry: ResourceEntry, state: EvalState): boolean {
  if (entry.pattern) return matchArn(entry.pattern, state.request.resource);
  const pattern = resolveTemplate(entry.template, state, compileArnPattern);
  return pattern !== undefined && matchArn(pattern, state.request.resource);
}
