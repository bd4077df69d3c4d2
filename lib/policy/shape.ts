import { member } from "./json";
import { isKnownOperator } from "./conditions";
import type { Finding, JsonMember, JsonNode, JsonObject } from "./types";

export const VERSIONS = ["2012-10-17", "2008-10-17"];
export const STATEMENT_KEYS = ["Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Condition", "Principal", "NotPrincipal"];

export type StatementNode = { node: JsonObject; path: string };

export type ShapeRules = { topKeys: string[]; message: string };

/**
 * The structural grammar every IAM policy shares: known keys, value types, one of Action/NotAction and of
 * Resource/NotResource, an Allow/Deny effect (any case here; exact case is a later check), condition blocks.
 */
export function checkShape(root: JsonNode, rules: ShapeRules): { statements: StatementNode[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const bad = (path: string, node: { span: JsonNode["span"] }) => findings.push({ message: rules.message, path, span: node.span });
  if (root.kind !== "object") {
    bad("", root);
    return { statements: [], findings };
  }
  for (const m of root.members) if (!rules.topKeys.includes(m.key)) bad(m.key, { span: m.keySpan });
  const version = member(root, "Version");
  if (version && !(version.value.kind === "string" && VERSIONS.includes(version.value.value))) bad("Version", version.value);
  const id = member(root, "Id");
  if (id && id.value.kind !== "string") bad("Id", id.value);
  const statement = member(root, "Statement");
  const statements = statementNodes(statement);
  if (!statement) bad("Statement", root);
  else if (!statements.length) bad("Statement", statement.value);
  for (const s of statements) {
    if (s.node.kind !== "object") bad(s.path, s.node);
    else checkStatement(s.node, s.path, rules, bad);
  }
  const objects = statements.filter((s): s is StatementNode => s.node.kind === "object");
  return { statements: objects, findings };
}

function statementNodes(statement: JsonMember | undefined): { node: JsonNode; path: string }[] {
  if (!statement) return [];
  const v = statement.value;
  if (v.kind === "object") return [{ node: v, path: "Statement" }];
  if (v.kind === "array") return v.items.map((node, i) => ({ node, path: `Statement[${i}]` }));
  return [];
}

type Bad = (path: string, node: { span: JsonNode["span"] }) => void;

function checkStatement(s: JsonObject, path: string, rules: ShapeRules, bad: Bad) {
  for (const m of s.members) if (!STATEMENT_KEYS.includes(m.key)) bad(`${path}.${m.key}`, { span: m.keySpan });
  for (const [a, b] of [
    ["Action", "NotAction"],
    ["Resource", "NotResource"],
    ["Principal", "NotPrincipal"],
  ]) {
    const second = member(s, b);
    if (member(s, a) && second) bad(`${path}.${b}`, { span: second.keySpan });
  }
  const effect = member(s, "Effect");
  if (!effect) bad(path, s);
  else if (effect.value.kind !== "string" || !["allow", "deny"].includes(effect.value.value.toLowerCase())) {
    bad(`${path}.Effect`, effect.value);
  }
  for (const key of ["Action", "NotAction", "Resource", "NotResource"]) {
    const m = member(s, key);
    if (m && !isStringOrStringList(m.value)) bad(`${path}.${key}`, m.value);
  }
  const sid = member(s, "Sid");
  if (sid && sid.value.kind !== "string") bad(`${path}.Sid`, sid.value);
  const condition = member(s, "Condition");
  if (condition) checkCondition(condition.value, `${path}.Condition`, bad);
}

export const isStringOrStringList = (v: JsonNode) =>
  v.kind === "string" || (v.kind === "array" && v.items.every((i) => i.kind === "string"));

const isConditionScalar = (v: JsonNode) => v.kind === "string" || v.kind === "number" || v.kind === "boolean";

function checkCondition(block: JsonNode, path: string, bad: Bad) {
  if (block.kind !== "object") return bad(path, block);
  for (const op of block.members) {
    const opPath = `${path}.${op.key}`;
    if (op.value.kind !== "object") {
      bad(opPath, op.value);
      continue;
    }
    if (!isKnownOperator(op.key) && op.value.members.length) bad(opPath, { span: op.keySpan });
    for (const key of op.value.members) {
      const v = key.value;
      if (!(isConditionScalar(v) || (v.kind === "array" && v.items.every(isConditionScalar)))) bad(`${opPath}.${key.key}`, v);
    }
  }
}

/** A string-or-list element's values with their paths and spans. */
export function listValues(
  s: JsonObject,
  path: string,
  key: string,
): { value: string; path: string; span: JsonNode["span"] }[] | undefined {
  const m = member(s, key);
  if (!m) return undefined;
  const v = m.value;
  if (v.kind === "string") return [{ value: v.value, path: `${path}.${key}`, span: v.span }];
  if (v.kind !== "array") return [];
  return v.items.flatMap((i, n) => (i.kind === "string" ? [{ value: i.value, path: `${path}.${key}[${n}]`, span: i.span }] : []));
}

export const stringMember = (s: JsonObject, key: string) => {
  const v = member(s, key)?.value;
  return v?.kind === "string" ? v.value : undefined;
};
