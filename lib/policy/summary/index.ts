import { ACCESS_LEVELS, lookupAction, services, type ActionInfo } from "../catalogue";
import { actionIndex, expandPattern, unrecognizedReason } from "../effective/action-index";
import { union } from "../effective/statements";
import { accessSummary } from "../effective/summary";
import { parsePolicy } from "../parse";
import type { Policy, Statement } from "../types";
import { conditionTexts } from "./conditions";
import { ALL_RESOURCES, describeResource, type DescribedResource } from "./resources";
import type { ActionSummaryRow, PolicySummary, ResourceSummaryRow, ServiceSummaryRow, SummaryEffect, UnrecognizedService } from "./types";

export type * from "./types";
export { conditionTexts, operatorWords } from "./conditions";

type Grant = { statement: Statement; conditions: string[] };
type Side = { grants: Map<number, Grant[]>; unknownActions: Map<number, string[]>; unknownServices: Map<string, UnrecognizedService> };

/**
 * The IAM console's policy summary of an identity-based policy ("Understanding IAM policy summaries"): per effect, the
 * services its statements name, each with its access level, resources and request conditions, and the actions behind
 * them with their own. NotAction names every catalogue action its list does not; action values that match nothing are
 * "unrecognized". A Deny and an Allow of the same service are summarized apart, as the console does.
 */
export function summarizePolicy(policy: string | Policy): PolicySummary {
  const parsed = typeof policy === "string" ? parsePolicy(policy) : policy;
  const sides: Record<SummaryEffect, Side> = { Deny: side(), Allow: side() };
  for (const s of parsed?.Statement ?? []) if (s.Effect === "Allow" || s.Effect === "Deny") addStatement(sides[s.Effect], s);
  const effects = ["Deny", "Allow"] as const;
  return {
    sections: effects
      .map((effect) => ({ effect, services: serviceRows(effect, sides[effect]) }))
      .filter((section) => section.services.length > 0),
    unrecognizedServices: effects.flatMap((effect) => [...sides[effect].unknownServices.values()]),
    serviceCount: services().length,
  };
}

const side = (): Side => ({ grants: new Map(), unknownActions: new Map(), unknownServices: new Map() });

function addStatement(to: Side, s: Statement) {
  const patterns = s.Action ?? s.NotAction;
  if (!patterns) return;
  const sets = patterns.map((p) => {
    const set = expandPattern(p);
    if (!set.length && s.Action) unrecognized(to, s.Effect as SummaryEffect, p);
    return set;
  });
  // As the evaluation engine reads them: an empty Resource list matches nothing.
  if (s.Resource && s.Resource.length === 0) return;
  const grant: Grant = { statement: s, conditions: conditionTexts(s.Condition) };
  const actions = union(sets, !s.Action);
  for (let i = 0; i < actions.length; i++) {
    const list = to.grants.get(actions[i]);
    if (list) list.push(grant);
    else to.grants.set(actions[i], [grant]);
  }
}

function unrecognized(to: Side, effect: SummaryEffect, pattern: string) {
  const colon = pattern.indexOf(":");
  const prefix = colon < 0 ? pattern : pattern.slice(0, colon);
  const s = actionIndex().serviceByPrefix.get(prefix.toLowerCase());
  if (unrecognizedReason(pattern) === "action" && s !== undefined) {
    const list = to.unknownActions.get(s);
    if (list) list.push(pattern);
    else to.unknownActions.set(s, [pattern]);
    return;
  }
  const key = prefix.toLowerCase();
  const entry = to.unknownServices.get(key);
  if (entry) entry.actions.push(pattern);
  else to.unknownServices.set(key, { effect, prefix, actions: [pattern] });
}

function serviceRows(effect: SummaryEffect, { grants, unknownActions }: Side): ServiceSummaryRow[] {
  const { serviceStart } = actionIndex();
  const byService = new Map<number, number[]>();
  const sorted = [...grants.keys()].sort((a, b) => a - b);
  let s = 0;
  for (const a of sorted) {
    while (serviceStart[s + 1] <= a) s++;
    const list = byService.get(s);
    if (list) list.push(a);
    else byService.set(s, [a]);
  }
  for (const s of unknownActions.keys()) if (!byService.has(s)) byService.set(s, []);
  const rows = [...byService].map(([s, actions]) => serviceRow(effect, s, actions, grants, unknownActions.get(s) ?? []));
  return rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function serviceRow(
  effect: SummaryEffect,
  s: number,
  actions: number[],
  grants: Map<number, Grant[]>,
  unknown: string[],
): ServiceSummaryRow {
  const { serviceStart, level } = actionIndex();
  const totals = new Array<number>(ACCESS_LEVELS.length).fill(0);
  for (let a = serviceStart[s]; a < serviceStart[s + 1]; a++) totals[level[a]]++;
  const counts = new Array<number>(ACCESS_LEVELS.length).fill(0);
  let withoutResource = 0;
  const rows = actions.map((a) => {
    const row = actionRow(a, grants.get(a)!);
    counts[level[a]]++;
    if (!row.resources.length) withoutResource++;
    return row;
  });
  const rank = (r: ActionSummaryRow) => ACCESS_LEVELS.indexOf(r.accessLevel);
  rows.sort((x, y) => rank(x) - rank(y) || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  const levels = ACCESS_LEVELS.flatMap((l, i) => (totals[i] ? [{ level: l, count: counts[i], total: totals[i] }] : []));
  const allowed = counts.reduce((x, y) => x + y, 0);
  const total = totals.reduce((x, y) => x + y, 0);
  const { prefix, name } = services()[s];
  return {
    effect,
    prefix,
    name,
    accessLevel: accessSummary({ allowed, total, levels: levels.map((l) => ({ level: l.level, allowed: l.count, total: l.total })) }),
    resource: rollUp(rows.map((r) => r.resource).filter((r) => r !== "None")),
    condition: rows.length ? rollUp(rows.map((r) => r.condition)) : "None",
    levels,
    actions: rows,
    unrecognizedActions: unknown,
    actionsWithoutResource: withoutResource,
  };
}

/** "None" for nothing, the one text when all agree, else "Multiple". */
function rollUp(texts: string[]): string {
  const distinct = new Set(texts);
  if (distinct.size === 0) return "None";
  return distinct.size === 1 ? texts[0] : "Multiple";
}

const UNCONDITIONAL_ALL: ResourceSummaryRow[] = [{ ...ALL_RESOURCES, conditions: [] }];

function actionRow(a: number, grants: Grant[]): ActionSummaryRow {
  const { names, shortNames, level } = actionIndex();
  const only = grants.length === 1 ? grants[0] : undefined;
  if (only && !only.conditions.length && only.statement.Resource?.length === 1 && /^\*+$/.test(only.statement.Resource[0])) {
    const { resource } = ALL_RESOURCES;
    return {
      action: names[a],
      name: shortNames[a],
      accessLevel: ACCESS_LEVELS[level[a]],
      resource,
      condition: "None",
      resources: UNCONDITIONAL_ALL,
    };
  }
  let info: ActionInfo | undefined;
  const described = (value: string) => describeResource(value, (info ??= lookupAction(names[a])!));
  const rows: ResourceSummaryRow[] = [];
  const seen = new Set<string>();
  for (const { statement: s, conditions } of grants) {
    for (const r of resourcesOf(s, described)) {
      const key = `${r.resource}\n${r.region}\n${r.account}\n${conditions.join("\n")}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({ ...r, conditions });
    }
  }
  const conditionText = (r: ResourceSummaryRow) =>
    r.conditions.length === 0 ? "None" : r.conditions.length === 1 ? r.conditions[0] : "Multiple";
  return {
    action: names[a],
    name: shortNames[a],
    accessLevel: ACCESS_LEVELS[level[a]],
    resource: rows.some((r) => r.resource === ALL_RESOURCES.resource) ? ALL_RESOURCES.resource : rollUp(rows.map((r) => r.resource)),
    condition: rows.length ? rollUp(rows.map(conditionText)) : "None",
    resources: rows,
  };
}

function resourcesOf(s: Statement, described: (value: string) => DescribedResource | undefined): DescribedResource[] {
  if (s.Resource) return s.Resource.flatMap((value) => described(value) ?? []);
  if (!s.NotResource?.length) return [ALL_RESOURCES];
  return [{ ...ALL_RESOURCES, resource: `All resources except ${s.NotResource.join(", ")}` }];
}
