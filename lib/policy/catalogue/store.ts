import data from "./actions.json";
import { ACCESS_LEVELS } from "./format";
import type { AccessLevel, ConditionKeyType, EncodedCatalogue, EncodedConditionKey, EncodedService } from "./format";

export type ServiceSummary = Readonly<{ prefix: string; name: string; actionCount: number }>;
export type ActionResourceType = Readonly<{ name: string; arnPattern: string; required: boolean; conditionKeys: readonly string[] }>;
/** `action` is "iam:CreateUser"; `service` the prefix ("iam"); `name` the action's own name ("CreateUser"). Shared: never mutate. */
export type ActionInfo = Readonly<{
  action: string;
  service: string;
  name: string;
  accessLevel: AccessLevel;
  resourceTypes: readonly ActionResourceType[];
  /** The keys the reference lists for the action itself; per-resource ones are on `resourceTypes`. */
  conditionKeys: readonly string[];
}>;
/** `name` as the reference writes it: a key with a variable part keeps it ("aws:RequestTag/${TagKey}"). */
export type ConditionKeyInfo = Readonly<{ name: string; type: ConditionKeyType; global: boolean }>;

export const catalogue = data as unknown as EncodedCatalogue;
export const SERVICES: readonly EncodedService[] = catalogue.services;

type Index = {
  services: readonly ServiceSummary[];
  serviceByPrefix: Map<string, number>;
  names: readonly string[];
  namesByService: readonly (readonly string[])[];
  /** Lower-cased "service:action" to the service's index times 65536 plus the action's. */
  byAction: Map<string, number>;
  infos: (ActionInfo | undefined)[][];
};

let index: Index | undefined;

function buildIndex(): Index {
  const serviceByPrefix = new Map<string, number>();
  const byAction = new Map<string, number>();
  const names: string[] = [];
  const namesByService = SERVICES.map(([prefix, , , , actions], s) => {
    serviceByPrefix.set(prefix, s);
    const own = actions.map(([name], a) => {
      const full = `${prefix}:${name}`;
      byAction.set(full.toLowerCase(), s * 65536 + a);
      names.push(full);
      return full;
    });
    return Object.freeze(own);
  });
  const services = SERVICES.map(([prefix, name, , , actions]) => Object.freeze({ prefix, name, actionCount: actions.length }));
  const infos = SERVICES.map(() => []);
  return { services: Object.freeze(services), serviceByPrefix, names: Object.freeze(names), namesByService, byAction, infos };
}

/** The lookup tables, built on first use (~22k actions). */
export const idx = (): Index => (index ??= buildIndex());

export const packedService = (packed: number) => Math.floor(packed / 65536);
export const packedAction = (packed: number) => packed % 65536;

/** Service `s`'s action `a`, decoded once and shared: callers must not mutate it. */
export function decodeAction(s: number, a: number): ActionInfo {
  const infos = idx().infos[s];
  return (infos[a] ??= decode(s, a));
}

const NONE: readonly string[] = Object.freeze([]);

const keyNames = (keys: EncodedConditionKey[], refs: readonly number[], from: number) => {
  if (refs.length <= from) return NONE;
  const out: string[] = [];
  for (let i = from; i < refs.length; i++) out.push(keys[refs[i]][0]);
  return out;
};

function decode(s: number, a: number): ActionInfo {
  const [prefix, , resourceTypes, keys, actions] = SERVICES[s];
  const [name, level, resources, actionKeys] = actions[a];
  const types: ActionResourceType[] = [];
  for (const r of resources ?? []) {
    const [rtName, arnPattern] = resourceTypes[r[0]];
    types.push({ name: rtName, arnPattern, required: r[1] === 1, conditionKeys: keyNames(keys, r, 2) });
  }
  return {
    action: idx().namesByService[s][a],
    service: prefix,
    name,
    accessLevel: ACCESS_LEVELS[level],
    resourceTypes: types,
    conditionKeys: actionKeys ? keyNames(keys, actionKeys, 0) : NONE,
  };
}
