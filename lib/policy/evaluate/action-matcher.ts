import { compileGlob, matchGlob, type Glob } from "./glob";

/** A prefix's patterns: exact names (whole, lowercased) and wildcard patterns whose service part is literal. */
type ServiceActions = { names: Set<string> | undefined; globs: Glob[] | undefined };

/**
 * A statement's Action or NotAction patterns, grouped by service prefix so that matching an action is one lookup by
 * its prefix plus that prefix's few wildcard patterns (AWS's ReadOnlyAccess names 2,914 actions of 315 services).
 */
export type ActionMatcher = {
  /** Short lists, tried in turn instead: below a handful of patterns the lookups cost more than they save. */
  few: Glob[] | undefined;
  /** Some pattern is `*`. */
  any: boolean;
  byService: Map<string, ServiceActions>;
  /** Patterns with a wildcard before the first colon (`*:Get*`, `s?s:*`) or with wildcards and no colon. */
  general: Glob[];
};

/** An action's or a pattern's service part: up to the first colon, or all of it when it has none. */
export function serviceOf(lowered: string): string {
  const colon = lowered.indexOf(":");
  return colon < 0 ? lowered : lowered.slice(0, colon);
}

const LINEAR_UP_TO = 8;

export function compileActions(patterns: string[], linearUpTo = LINEAR_UP_TO): ActionMatcher {
  const out: ActionMatcher = { few: undefined, any: false, byService: new Map(), general: [] };
  if (patterns.length <= linearUpTo) {
    out.few = patterns.map((p) => compileGlob(p.toLowerCase()));
    return out;
  }
  for (const pattern of patterns) {
    const lowered = pattern.toLowerCase();
    const glob = compileGlob(lowered);
    if (glob.kind === "any") out.any = true;
    const service = serviceOf(lowered);
    const wildcardAt = firstWildcard(lowered);
    // A wildcard at or before the first colon may reach into other services (or, without a colon, into any action).
    if (wildcardAt >= 0 && wildcardAt <= service.length) {
      out.general.push(glob);
      continue;
    }
    let group = out.byService.get(service);
    if (!group) out.byService.set(service, (group = { names: undefined, globs: undefined }));
    if (glob.kind === "exact") (group.names ??= new Set()).add(lowered);
    else (group.globs ??= []).push(glob);
  }
  return out;
}

/** Whether any pattern matches the lowercased action, whose service part (`serviceOf`) is given. */
export function matchActions(m: ActionMatcher, action: string, service: string): boolean {
  const few = m.few;
  if (few !== undefined) {
    for (let i = 0; i < few.length; i++) if (matchGlob(few[i], action)) return true;
    return false;
  }
  if (m.any) return true;
  const group = m.byService.get(service);
  if (group) {
    const names = group.names;
    if (names !== undefined && names.has(action)) return true;
    const globs = group.globs;
    if (globs !== undefined) for (let i = 0; i < globs.length; i++) if (matchGlob(globs[i], action)) return true;
  }
  const general = m.general;
  for (let i = 0; i < general.length; i++) if (matchGlob(general[i], action)) return true;
  return false;
}

function firstWildcard(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 42 || c === 63) return i;
  }
  return -1;
}
