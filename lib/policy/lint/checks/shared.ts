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
export function principalValues(s: StatementRef, type: string): { value: string; span: Span }[] {
  const v = s.principal?.value;
  if (!v) return [];
  if (v.kind === "string") return type === "AWS" && v.value === "*" ? [{ value: "*", span: v.span }] : [];
  if (v.kind !== "object") return [];
  const entry = member(v, type)?.value;
  const nodes: JsonNode[] = entry?.kind === "array" ? entry.items : entry ? [entry] : [];
  return nodes.flatMap((n) => (n.kind === "string" ? [{ value: n.value, span: n.span }] : []));
}
