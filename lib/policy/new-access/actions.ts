import { allActions, expandActions, lookupAction, type AccessLevel } from "../catalogue";
import { matchesWildcard } from "../wildcard";

/** Actions every Action pattern of both documents treats alike, and one access level: one witness stands for them. */
export type ActionGroup = { actions: string[]; accessLevel?: AccessLevel };

const matchesEverything = (p: string) => /^\*+(:\*+)?$/.test(p);
const hasWildcard = (p: string) => /[*?]/.test(p);

/** An action a pattern matches when the catalogue knows none: its wildcards filled in ("foo:Get*" → "foo:GetExample"). */
export const sampleAction = (pattern: string) => pattern.replace(/\*/g, "Example").replace(/\?/g, "X");

/**
 * The actions worth asking about, grouped: the catalogue's actions split by which of `patterns` (every Action and
 * NotAction pattern of both documents) match them, then by access level. With a `*` pattern or a NotAction, the
 * actions no specific pattern names form one more group. `only` restricts the candidates (CheckAccessNotGranted).
 */
export function actionGroups(patterns: string[], anyAction: boolean, only?: string[]): ActionGroup[] {
  const unique = [...new Map(patterns.map((p) => [p.toLowerCase(), p])).values()];
  const specific = unique.filter((p) => !matchesEverything(p));
  const signatures = only ? signaturesOf(candidatesOf(only), specific) : signaturesFromPatterns(specific);
  const classes = new Map<string, string[]>();
  for (const [name, signature] of signatures) {
    const list = classes.get(signature);
    if (list) list.push(name);
    else classes.set(signature, [name]);
  }
  const groups = [...classes.values()].flatMap(byAccessLevel);
  if (!only && (anyAction || unique.length > specific.length)) {
    for (const [accessLevel, names] of namesByLevel()) {
      const actions = names.filter((n) => !signatures.has(n));
      if (actions.length) groups.push({ actions, accessLevel });
    }
  }
  return groups.sort((a, b) => rank(a.accessLevel) - rank(b.accessLevel));
}

/** Names by the patterns (indexes) matching them; names only `*` matches are left out. */
function signaturesFromPatterns(patterns: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const unknown: string[] = [];
  patterns.forEach((p, i) => {
    const names = expandActions(p);
    if (!names.length) unknown.push(hasWildcard(p) ? sampleAction(p) : p);
    for (const n of names) out.set(n, `${out.get(n) ?? ""}${i},`);
  });
  for (const [n, s] of signaturesOf(unknown, patterns)) if (!out.has(n)) out.set(n, s);
  return out;
}

function signaturesOf(names: string[], patterns: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of names) out.set(n, patterns.map((p, i) => (matchesWildcard(p, n) ? `${i},` : "")).join(""));
  return out;
}

function candidatesOf(patterns: string[]): string[] {
  const names = new Set<string>();
  for (const p of patterns) {
    const expanded = expandActions(p);
    if (expanded.length) for (const n of expanded) names.add(n);
    else names.add(hasWildcard(p) ? sampleAction(p) : p);
  }
  return [...names];
}

let levels: Map<AccessLevel, string[]> | undefined;

/** Every catalogue action by access level, made once. */
function namesByLevel(): Map<AccessLevel, string[]> {
  if (levels) return levels;
  levels = new Map();
  for (const a of allActions()) {
    const list = levels.get(a.accessLevel);
    if (list) list.push(a.action);
    else levels.set(a.accessLevel, [a.action]);
  }
  return levels;
}

function byAccessLevel(names: string[]): ActionGroup[] {
  const groups = new Map<AccessLevel | undefined, string[]>();
  for (const n of names) {
    const level = lookupAction(n)?.accessLevel;
    const list = groups.get(level);
    if (list) list.push(n);
    else groups.set(level, [n]);
  }
  return [...groups].map(([accessLevel, actions]) => (accessLevel ? { actions, accessLevel } : { actions }));
}

const ORDER: readonly (AccessLevel | undefined)[] = ["Permissions management", "Write", "Tagging", "Read", "List"];

function rank(level: AccessLevel | undefined): number {
  const i = ORDER.indexOf(level);
  return i < 0 ? ORDER.length : i;
}

/** "s3:PutObject", or "s3:PutObject and 12 more Write actions". */
export function groupSummary(group: ActionGroup): string {
  const [first, ...rest] = group.actions;
  if (!rest.length) return first;
  const what = group.accessLevel ? `${group.accessLevel} action${rest.length === 1 ? "" : "s"}` : `action${rest.length === 1 ? "" : "s"}`;
  return `${first} and ${thousands(rest.length)} more ${what}`;
}

const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ",");
