import { positionAt } from "../json";
import { parsePolicy } from "../parse";
import type { Position, Span, Statement } from "../types";
import { actionIndex, expandPattern, unrecognizedReason } from "./action-index";

/** Ranks of EffectiveStatus: higher is wider. NONE: the statement gives nothing. */
export const NONE = 0;
export const CONDITIONAL = 1;
export const PARTIAL = 2;
export const FULL = 3;
export type Rank = typeof NONE | typeof CONDITIONAL | typeof PARTIAL | typeof FULL;

/** A statement prepared once per policy text: the catalogue actions it matches, and how. */
export type PreparedStatement = {
  index: number;
  sid?: string;
  effect: "Allow" | "Deny";
  span: Span;
  start: Position;
  end: Position;
  /** Catalogue action indexes, ascending, each once. */
  actions: Int32Array;
  notAction: boolean;
  rank: Rank;
  resources?: readonly string[];
  notResource: boolean;
  conditionKeys: readonly string[];
  unrecognized: { pattern: string; reason: "service" | "action" }[];
};

const MAX_TEXTS = 512;
const byText = new Map<string, PreparedStatement[]>();

/** The policy's Allow and Deny statements that name actions; the same text returns the same (shared) list. */
export function prepareStatements(text: string): PreparedStatement[] {
  let hit = byText.get(text);
  if (hit) return hit;
  const policy = parsePolicy(text);
  hit = policy ? policy.Statement.flatMap((s) => prepare(s, text) ?? []) : [];
  if (byText.size >= MAX_TEXTS) byText.delete(byText.keys().next().value!);
  byText.set(text, hit);
  return hit;
}

let marks: Uint8Array | undefined;

function prepare(s: Statement, text: string): PreparedStatement | undefined {
  if (s.Effect !== "Allow" && s.Effect !== "Deny") return undefined;
  const patterns = s.Action ?? s.NotAction;
  if (!patterns) return undefined;
  const notAction = !s.Action;
  const unrecognized: PreparedStatement["unrecognized"] = [];
  const sets = patterns.map((p) => {
    const set = expandPattern(p);
    if (!set.length) unrecognized.push({ pattern: p, reason: unrecognizedReason(p) });
    return set;
  });
  const resources = s.Resource ?? s.NotResource;
  const notResource = !s.Resource && !!s.NotResource;
  const conditionKeys = [...new Set(Object.values(s.Condition ?? {}).flatMap((keys) => Object.keys(keys)))];
  // As the evaluation engine reads them: an empty Resource list matches nothing, an empty NotResource everything.
  const none = !notResource && resources !== undefined && resources.length === 0;
  const out: PreparedStatement = {
    index: s.index,
    effect: s.Effect,
    span: s.span,
    start: positionAt(text, s.span.start),
    end: positionAt(text, s.span.end),
    actions: none ? new Int32Array(0) : union(sets, notAction),
    notAction,
    rank: rank(resources, notResource, conditionKeys.length > 0),
    notResource,
    conditionKeys,
    unrecognized,
  };
  if (resources) out.resources = resources;
  if (s.Sid !== undefined) out.sid = s.Sid;
  return out;
}

function rank(resources: readonly string[] | undefined, notResource: boolean, conditional: boolean): Rank {
  if (conditional) return CONDITIONAL;
  if (notResource && resources!.length > 0) return PARTIAL;
  if (resources && !notResource && !resources.some((r) => /^\*+$/.test(r))) return PARTIAL;
  return FULL;
}

/** The union of the patterns' actions, or with NotAction every action none of them matches. */
export function union(sets: Int32Array[], notAction: boolean): Int32Array {
  if (!notAction) {
    if (sets.length === 1) return sets[0];
    let n = 0;
    for (const set of sets) n += set.length;
    const all = new Int32Array(n);
    let at = 0;
    for (const set of sets) {
      all.set(set, at);
      at += set.length;
    }
    all.sort();
    let j = 0;
    for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[j++] = all[i];
    return all.slice(0, j);
  }
  const { count } = actionIndex();
  const mark = (marks ??= new Uint8Array(count));
  for (const set of sets) for (let i = 0; i < set.length; i++) mark[set[i]] = 1;
  const out: number[] = [];
  for (let i = 0; i < count; i++) if (mark[i] === 0) out.push(i);
  mark.fill(0);
  return Int32Array.from(out);
}
