import { member } from "../json";
import { parseOperator } from "../conditions";
import { expandActions } from "../catalogue";
import type { JsonMember, JsonNode, JsonObject, PolicyKind } from "../types";
import type { ConditionRef, ElementRef, LintContext, LintOptions, StatementRef } from "./types";

/** Above this many actions a statement's per-action checks are skipped: they would say little and cost much. */
export const MAX_EXPANDED = 400;

export function lintContext(text: string, kind: PolicyKind, options: LintOptions, root: JsonObject): LintContext {
  const statementMember = member(root, "Statement");
  const v = statementMember?.value;
  const nodes = v?.kind === "array" ? v.items : v ? [v] : [];
  const statements = nodes.flatMap((n, i) =>
    n.kind === "object" ? [statementRef(n, v?.kind === "array" ? `Statement[${i}]` : "Statement", i, v?.kind === "array")] : [],
  );
  const expanded = new Map<StatementRef, readonly string[] | undefined>();
  const actionsOf = (s: StatementRef) => {
    if (!expanded.has(s)) expanded.set(s, expandStatement(s));
    return expanded.get(s);
  };
  return { text, kind, options, root, statementMember, statements, actionsOf };
}

function expandStatement(s: StatementRef): readonly string[] | undefined {
  if (!s.action) return undefined;
  const out = new Set<string>();
  for (const a of s.action.values) {
    const found = expandActions(a.value);
    if (out.size + found.length > MAX_EXPANDED) return undefined;
    for (const name of found) out.add(name);
  }
  return [...out];
}

function statementRef(node: JsonObject, path: string, index: number, inArray: boolean): StatementRef {
  const effect = member(node, "Effect")?.value;
  const condition = member(node, "Condition");
  return {
    node,
    path,
    index,
    inArray,
    allow: effect?.kind === "string" && effect.value === "Allow",
    deny: effect?.kind === "string" && effect.value === "Deny",
    action: element(node, path, "Action"),
    notAction: element(node, path, "NotAction"),
    resource: element(node, path, "Resource"),
    notResource: element(node, path, "NotResource"),
    principal: member(node, "Principal"),
    notPrincipal: member(node, "NotPrincipal"),
    condition,
    conditions: condition ? conditionRefs(condition, `${path}.Condition`) : [],
  };
}

function element(node: JsonObject, path: string, key: string): ElementRef | undefined {
  const m = member(node, key);
  if (!m) return undefined;
  const v = m.value;
  const own = `${path}.${key}`;
  if (v.kind === "string") return { member: m, path: own, isArray: false, values: [{ value: v.value, span: v.span, path: own, index: 0 }] };
  if (v.kind !== "array") return { member: m, path: own, isArray: false, values: [] };
  const values = v.items.flatMap((item, i) =>
    item.kind === "string" ? [{ value: item.value, span: item.span, path: `${own}[${i}]`, index: i }] : [],
  );
  return { member: m, path: own, isArray: true, values };
}

const scalarText = (n: JsonNode) =>
  n.kind === "string" ? n.value : n.kind === "number" ? n.raw : n.kind === "boolean" ? String(n.value) : undefined;

function conditionRefs(condition: JsonMember, path: string): ConditionRef[] {
  if (condition.value.kind !== "object") return [];
  const out: ConditionRef[] = [];
  for (const operatorMember of condition.value.members) {
    if (operatorMember.value.kind !== "object") continue;
    const op = parseOperator(operatorMember.key);
    for (const keyMember of operatorMember.value.members) {
      const v = keyMember.value;
      const nodes = v.kind === "array" ? v.items : [v];
      const values = nodes.flatMap((node) => {
        const text = scalarText(node);
        return text === undefined ? [] : [{ text, node }];
      });
      out.push({
        operator: operatorMember.key,
        op,
        operatorMember,
        key: keyMember.key,
        keyMember,
        values,
        path: `${path}.${operatorMember.key}.${keyMember.key}`,
      });
    }
  }
  return out;
}

export const hasWildcard = (s: string) => s.includes("*") || s.includes("?");
