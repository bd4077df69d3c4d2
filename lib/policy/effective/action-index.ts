import { allActionNames, expandActions, lookupService } from "../catalogue";
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
  const shortNames: string[] = [];
  const serviceStart = new Int32Array(SERVICES.length + 1);
  const serviceByPrefix = new Map<string, number>();
  let i = 0;
  for (let s = 0; s < SERVICES.length; s++) {
    const actions = SERVICES[s][4];
    serviceByPrefix.set(SERVICES[s][0].toLowerCase(), s);
    serviceStart[s] = i;
    for (let a = 0; a < actions.length; a++, i++) {
      level[i] = actions[a][1];
      shortNames.push(actions[a][0]);
    }
  }
  serviceStart[SERVICES.length] = i;
  const all = new Int32Array(count);
  for (let a = 0; a < count; a++) all[a] = a;
  return (built = { count, names, shortNames, level, serviceStart, serviceByPrefix, all });
}

const EMPTY = new Int32Array(0);
const MAX_PATTERNS = 20_000;
const expanded = new Map<string, Int32Array>();

/** The indexes of the actions an Action element value matches (as expandActions does), cached case-insensitively. */
export function expandPattern(pattern: string): Int32Array {
  const key = pattern.toLowerCase();
  let hit = expanded.get(key);
  if (hit) return hit;
  if (key === "*") hit = actionIndex().all;
  else if (PREFIX.test(key)) hit = byPrefix(key);
  else if (EXACT.test(key)) {
    const a = indexOf(key);
    hit = a === undefined ? EMPTY : Int32Array.of(a);
  } else {
    const names = expandActions(pattern);
    hit = names.length ? new Int32Array(names.length) : EMPTY;
    for (let i = 0; i < names.length; i++) hit[i] = indexOf(names[i].toLowerCase())!;
  }
  if (expanded.size >= MAX_PATTERNS) expanded.clear();
  expanded.set(key, hit);
  return hit;
}

// Most of AWS's managed policies' patterns are "service:Prefix*" or exact names: a prefix test or a lookup within
// the service, where expandActions would build and run one RegExp per pattern (~100 ms for ReadOnlyAccess's 2,900).
const PREFIX = /^[^*?:]+:[^*?]*\*$/;
const EXACT = /^[^*?:]+:[^*?]+$/;
let lowerShortNames: string[] | undefined;
const byService: Map<string, number>[] = [];

const lower = () => (lowerShortNames ??= actionIndex().shortNames.map((n) => n.toLowerCase()));

/** The index of a lower-cased "service:action", looked up in a per-service table built on first use. */
function indexOf(key: string): number | undefined {
  const { serviceStart, serviceByPrefix } = actionIndex();
  const colon = key.indexOf(":");
  const s = serviceByPrefix.get(key.slice(0, colon));
  if (s === undefined) return undefined;
  let table = byService[s];
  if (!table) {
    const names = lower();
    table = byService[s] = new Map();
    for (let a = serviceStart[s]; a < serviceStart[s + 1]; a++) table.set(names[a], a);
  }
  return table.get(key.slice(colon + 1));
}

function byPrefix(key: string): Int32Array {
  const { serviceStart, serviceByPrefix } = actionIndex();
  const colon = key.indexOf(":");
  const s = serviceByPrefix.get(key.slice(0, colon));
  if (s === undefined) return EMPTY;
  const names = lower();
  const prefix = key.slice(colon + 1, -1);
  const out: number[] = [];
  for (let a = serviceStart[s]; a < serviceStart[s + 1]; a++) if (names[a].startsWith(prefix)) out.push(a);
  return out.length ? Int32Array.from(out) : EMPTY;
}

/** Why a pattern matches nothing: its service prefix is unknown, or none of the service's actions matches. */
export function unrecognizedReason(pattern: string): "service" | "action" {
  const colon = pattern.indexOf(":");
  if (colon < 0) return "service";
  const service = pattern.slice(0, colon);
  return /[*?]/.test(service) || lookupService(service) ? "action" : "service";
}
