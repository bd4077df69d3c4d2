import { member, parseJson } from "./json";
import type { ConditionBlock, JsonNode, JsonObject, Policy, Principal, Statement } from "./types";

/**
 * A policy's statements as the evaluator and simulator read them: lists normalised, condition values as text,
 * each statement's span kept. Lenient: elements of the wrong type are left out (validate first to report them).
 */
export function parsePolicy(text: string): Policy | undefined {
  const parsed = parseJson(text);
  if (!parsed.ok || parsed.value.kind !== "object") return undefined;
  const root = parsed.value;
  const statement = member(root, "Statement")?.value;
  const nodes = statement?.kind === "array" ? statement.items : statement ? [statement] : [];
  const statements = nodes.flatMap((n, index) => (n.kind === "object" ? [toStatement(n, index)] : []));
  return { Version: str(member(root, "Version")?.value), Id: str(member(root, "Id")?.value), Statement: statements, span: root.span };
}

function toStatement(s: JsonObject, index: number): Statement {
  const out: Statement = { index, span: s.span, Effect: str(member(s, "Effect")?.value) ?? "" };
  const sid = str(member(s, "Sid")?.value);
  if (sid !== undefined) out.Sid = sid;
  for (const key of ["Action", "NotAction", "Resource", "NotResource"] as const) {
    const v = member(s, key)?.value;
    if (v) out[key] = strings(v);
  }
  for (const key of ["Principal", "NotPrincipal"] as const) {
    const v = member(s, key)?.value;
    if (v) out[key] = principal(v);
  }
  const condition = member(s, "Condition")?.value;
  if (condition?.kind === "object") out.Condition = conditionBlock(condition);
  return out;
}

const str = (v: JsonNode | undefined) => (v?.kind === "string" ? v.value : undefined);

function scalar(v: JsonNode): string[] {
  if (v.kind === "string") return [v.value];
  if (v.kind === "number") return [v.raw];
  if (v.kind === "boolean") return [String(v.value)];
  return [];
}

const strings = (v: JsonNode): string[] => (v.kind === "array" ? v.items.flatMap(scalar) : scalar(v));

function principal(v: JsonNode): Principal {
  if (v.kind === "string" && v.value === "*") return "*";
  if (v.kind !== "object") return {};
  return Object.fromEntries(v.members.map((m) => [m.key, strings(m.value)]));
}

function conditionBlock(block: JsonObject): ConditionBlock {
  const out: ConditionBlock = {};
  for (const op of block.members) {
    if (op.value.kind !== "object") continue;
    out[op.key] = { ...out[op.key], ...Object.fromEntries(op.value.members.map((k) => [k.key, strings(k.value)])) };
  }
  return out;
}
