import { allActionNames, expandActions, lookupService, services } from "../catalogue";
import { SERVICES } from "../catalogue/store";

/** The catalogue as dense indexes: action i is allActionNames()[i]; service s owns actions serviceStart[s]..serviceStart[s+1]. */
export type ActionIndex = {
  count: number;
  names: readonly string[];
  /** Each action's name without its prefix ("CreateUser"). */
  shortNames: readonly string[];
  /** Each action's access level as an index in ACCESS_LEVELS. */
  level: Uint8Array;
  serviceStart: Int32Array;
  byName: Map<string, number>;
  /** Lower-cased service prefix to its index in services(). */
  serviceByPrefix: Map<string, number>;
  all: Int32Array;
};

let built: ActionIndex | undefined;

// Levels come from the encoded catalogue (format.ts's layout), not allActions(): decoding 22k entries costs ~150 ms.
export function actionIndex(): ActionIndex {
  if (built) return built;
  const names = allActionNames();
  const count = names.length;
  const level = new Uint8Array(count);
  const shortNames: string[] = new Array(count);
  const serviceStart = new Int32Array(services().length + 1);
  const byName = new Map<string, number>();
  const serviceByPrefix = new Map<string, number>();
  let i = 0;
  SERVICES.forEach(([prefix, , , , actions], s) => {
    serviceByPrefix.set(prefix.toLowerCase(), s);
    serviceStart[s] = i;
    for (const [name, accessLevel] of actions) {
      level[i] = accessLevel;
      shortNames[i] = name;
      byName.set(names[i], i);
      i++;
    }
  });
  serviceStart[SERVICES.length] = i;
  const all = new Int32Array(count);
  for (let a = 0; a < count; a++) all[a] = a;
  return (built = { count, names, shortNames, level, serviceStart, byName, serviceByPrefix, all });
}

const EMPTY = new Int32Array(0);
const MAX_PATTERNS = 20_000;
const expanded = new Map<string, Int32Array>();

/** The indexes of the actions an Action element value matches (see expandActions), cached case-insensitively. */
export function expandPattern(pattern: string): Int32Array {
  const key = pattern.toLowerCase();
  let hit = expanded.get(key);
  if (hit) return hit;
  const { all, byName } = actionIndex();
  if (key === "*") hit = all;
  else if (PREFIX.test(key)) hit = byPrefix(key);
  else {
    const names = expandActions(pattern);
    hit = names.length ? new Int32Array(names.length) : EMPTY;
    for (let i = 0; i < names.length; i++) hit[i] = byName.get(names[i])!;
  }
  if (expanded.size >= MAX_PATTERNS) expanded.clear();
  expanded.set(key, hit);
  return hit;
}

// "service:Prefix*", most of AWS's managed policies' patterns: a prefix test over the service's actions, where
// expandActions would build and run one RegExp per pattern (~100 ms for ReadOnlyAccess's 2,900, once per process).
const PREFIX = /^[^*?:]+:[^*?]*\*$/;
let lowerShortNames: string[] | undefined;

function byPrefix(key: string): Int32Array {
  const { shortNames, serviceStart, serviceByPrefix } = actionIndex();
  const colon = key.indexOf(":");
  const s = serviceByPrefix.get(key.slice(0, colon));
  if (s === undefined) return EMPTY;
  const lower = (lowerShortNames ??= shortNames.map((n) => n.toLowerCase()));
  const prefix = key.slice(colon + 1, -1);
  const out: number[] = [];
  for (let a = serviceStart[s]; a < serviceStart[s + 1]; a++) if (lower[a].startsWith(prefix)) out.push(a);
  return out.length ? Int32Array.from(out) : EMPTY;
}

/** Why a pattern matches nothing: its service prefix is unknown, or none of the service's actions matches. */
export function unrecognizedReason(pattern: string): "service" | "action" {
  const colon = pattern.indexOf(":");
  if (colon < 0) return "service";
  const service = pattern.slice(0, colon);
  return /[*?]/.test(service) || lookupService(service) ? "action" : "service";
}
