import { member } from "../../json";
import { matchesWildcard } from "../../wildcard";
import type { JsonNode, Span } from "../../types";
import type { StatementRef, ValueRef } from "../types";

/** The statement's Action values that match `action` (as written or through a wildcard). */
export const actionsMatching = (s: StatementRef, action: string): ValueRef[] =>
  (s.action?.values ?? []).filter((v) => matchesWildcard(v.value, action));

export const starResource = (s: StatementRef) => s.resource?.values.find((r) => r.value === "*");

export const conditionKeys = (s: StatementRef) => new Set(s.conditions.map((c) => c.key.toLowerCase()));

/** A principal element's values of one type (`AWS`, `Federated`...), `"*"` counting as an AWS one. */
export function principalValues(s: StatementRef, type: string): { value: string; span: Span; path: string }[] {
  const v = s.principal?.value;
  const path = `${s.path}.Principal`;
  if (!v) return [];
  if (v.kind === "string") return type === "AWS" && v.value === "*" ? [{ value: "*", span: v.span, path }] : [];
  if (v.kind !== "object") return [];
  const entry = member(v, type)?.value;
  const nodes: JsonNode[] = entry?.kind === "array" ? entry.items : entry ? [entry] : [];
  const at = (i: number) => (entry?.kind === "array" ? `${path}.${type}[${i}]` : `${path}.${type}`);
  return nodes.flatMap((n, i) => (n.kind === "string" ? [{ value: n.value, span: n.span, path: at(i) }] : []));
}
