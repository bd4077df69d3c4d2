import { serviceOf } from "./action-matcher";
import type { ContextValue, EvaluationInput, RequestContext } from "./types";

/** Per-evaluation scratch: the request, lazily normalised context keys, and the missing keys met so far. */
export type EvalState = {
  request: RequestContext;
  /** The action lowercased once. */
  action: string;
  /** Its service prefix (lowercased), by which statements group their action patterns. */
  service: string;
  hasBoundary: boolean;
  /** Numbers this evaluation, so shared conditions and resources remember their result for it alone. */
  epoch: number;
  /** How the resource-based policy's Allow statements reached the caller (GRANT), the strongest seen. */
  grant: number;
  /** Context keys by lowercased name, built on the first lookup whose exact spelling is absent. */
  lower?: Map<string, ContextValue>;
  missing?: string[];
};

type LoweredAction = { action: string; service: string };
const lowerActions = new Map<string, LoweredAction>();
let epochs = 0;

export function newState(input: EvaluationInput): EvalState {
  const request = input.request;
  let lowered = lowerActions.get(request.action);
  if (lowered === undefined) {
    const action = request.action.toLowerCase();
    lowered = { action, service: serviceOf(action) };
    if (lowerActions.size > 5_000) lowerActions.clear();
    lowerActions.set(request.action, lowered);
  }
  const { action, service } = lowered;
  return { request, action, service, hasBoundary: input.boundary !== undefined, epoch: ++epochs, grant: 0 };
}

/** A context key's value by name, any case; empty lists count as missing. Records the key when asked to. */
export function lookup(state: EvalState, key: string, lower: string, record: boolean): ContextValue | undefined {
  const context = state.request.context;
  let value: ContextValue | undefined = Object.hasOwn(context, key) ? context[key] : undefined;
  if (value === undefined) {
    if (!state.lower) {
      state.lower = new Map();
      for (const k of Object.keys(context)) state.lower.set(k.toLowerCase(), context[k]);
    }
    value = state.lower.get(lower);
  }
  if (value === undefined || (Array.isArray(value) && value.length === 0)) {
    if (record) recordMissing(state, key);
    return undefined;
  }
  return value;
}

export function recordMissing(state: EvalState, key: string) {
  const missing = (state.missing ??= []);
  const lower = key.toLowerCase();
  if (!missing.some((k) => k.toLowerCase() === lower)) missing.push(key);
}
