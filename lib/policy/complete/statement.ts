import { conditionKeysFor, expandActions, globalConditionKeys, lookupAction, type ConditionKeyInfo } from "../catalogue";
import type { Statement } from "./context";
import type { CompleteOptions } from "./complete";

/** A pattern matching more actions than any one service has ("*", "*:Get*") says nothing of keys or ARNs: it is skipped. */
const EXPANSION_LIMIT = 1000;

/** The catalogue's actions the statement's Action names, wildcards expanded; empty for NotAction or none. */
export function statementActions(statement: Statement): string[] {
  const out = new Set<string>();
  for (const pattern of statement.values("Action")) {
    const names = /[*?]/.test(pattern) ? expandActions(pattern) : [lookupAction(pattern)?.action].filter((a): a is string => !!a);
    if (names.length <= EXPANSION_LIMIT) names.forEach((n) => out.add(n));
  }
  return [...out];
}

/** The statement's actions' keys (their own, then their resource types'), then the global keys; just the global keys without actions. */
export function conditionKeysForStatement(statement: Statement): readonly ConditionKeyInfo[] {
  const actions = statementActions(statement);
  if (!actions.length) return globalConditionKeys();
  const key = actions.join();
  if (lastKeys?.key === key) return lastKeys.keys;
  const byName = new Map<string, ConditionKeyInfo>();
  for (const action of actions) {
    for (const k of conditionKeysFor(action) ?? []) if (!byName.has(k.name.toLowerCase())) byName.set(k.name.toLowerCase(), k);
  }
  lastKeys = { key, keys: [...byName.values()] };
  return lastKeys.keys;
}

/** Typing in one condition asks again and again for the same statement's keys. */
let lastKeys: { key: string; keys: ConditionKeyInfo[] } | undefined;

const VARIABLE = /\$\{([^}]+)\}/g;

/**
 * "aws:RequestTag/${TagKey}" → the snippet "aws:RequestTag/${1:TagKey}" (also "s3:ExistingObjectTag/<key>"), the rest
 * escaped for snippet syntax; `fixed` fills variables by name instead.
 */
export function snippetOf(template: string, fixed: Record<string, string> = {}): string {
  let n = 0;
  return template
    .split(/(\$\{[^}]+\}|<[^>]+>)/)
    .map((part, i) => {
      if (i % 2 === 0) return part.replace(/[\\$}]/g, "\\$&");
      const name = part.startsWith("<") ? part.slice(1, -1) : part.slice(2, -1);
      return fixed[name] !== undefined ? fixed[name].replace(/[\\$}]/g, "\\$&") : `\${${++n}:${name}}`;
    })
    .join("");
}

/** ARN templates for the resource types of the statement's actions, Partition, Region and Account filled in. */
export function arnTemplates(statement: Statement, options: CompleteOptions) {
  const fixed = { Partition: "aws", Region: options.region ?? "*", Account: options.accountId ?? "*" };
  const byPattern = new Map<string, { types: Set<string>; actions: string[] }>();
  for (const action of statementActions(statement)) {
    for (const rt of lookupAction(action)?.resourceTypes ?? []) {
      const entry = byPattern.get(rt.arnPattern) ?? { types: new Set<string>(), actions: [] };
      entry.types.add(rt.name);
      entry.actions.push(action);
      byPattern.set(rt.arnPattern, entry);
    }
  }
  const templates = [...byPattern].map(([pattern, { types, actions }]) => ({
    label: pattern.replace(VARIABLE, (m, name: string) => fixed[name as keyof typeof fixed] ?? m),
    kind: "resource" as const,
    detail: [...types].join(", "),
    documentation: `Resource type of ${actions.slice(0, 5).join(", ")}${actions.length > 5 ? ` and ${actions.length - 5} more` : ""}`,
    insertText: snippetOf(pattern, fixed),
    snippet: true,
    sortText: `0${pattern}`,
  }));
  return [...templates, { label: "*", kind: "resource" as const, detail: "Every resource", sortText: "1" }];
}
