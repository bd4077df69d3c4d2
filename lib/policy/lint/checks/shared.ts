import { member } from "../../json";
import { matchesWildcard } from "../../wildcard";
import type { JsonNode, Span } from "../../types";
import { removeItem } from "../edits";
import type { ElementRef, Hit, StatementRef, ValueRef } from "../types";

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

/**
 * The values of a list element (Action, Resource...) that another value of it already covers: the narrower one, or
 * the later of two equal ones, with a fix that removes it.
 */
export function redundantValues(e: ElementRef | undefined, covers: (a: string, b: string) => boolean): Hit[] {
  if (!e?.isArray || e.member.value.kind !== "array") return [];
  const array = e.member.value;
  return e.values.flatMap((v) => {
    const by = e.values.find((o) => o !== v && covers(o.value, v.value) && (!covers(v.value, o.value) || o.index < v.index));
    if (!by) return [];
    const message = `${v.value} is already included by ${by.value} in the same statement.`;
    return [{ message, span: v.span, path: v.path, fix: { title: `Remove ${v.value}`, edits: [removeItem(array, v.index)] } }];
  });
}
