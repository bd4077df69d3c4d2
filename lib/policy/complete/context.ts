import type { Span } from "../types";
import { scanPolicy, type Scan, type ScanContext } from "./scan";

type InStatement = { statement: Statement };
export type Where =
  | { where: "root-key" }
  | { where: "root-value"; key: string }
  | ({ where: "statement-key" } & InStatement)
  | ({ where: "statement-value"; key: string } & InStatement)
  | ({ where: "condition-operator" } & InStatement)
  | ({ where: "condition-key"; operator: string } & InStatement)
  | ({ where: "condition-value"; operator: string; key: string } & InStatement)
  | ({ where: "principal-type" } & InStatement)
  | ({ where: "principal-value"; type?: string } & InStatement);

/** A statement object: where it starts, its keys, and the values of its elements (Action, Resource...). */
export type Statement = { start: number; keys: string[]; values: (key: string) => string[] };

export type PolicyContext = Where & {
  /** The string the cursor is in, if any. */
  string?: ScanContext["string"];
  /** The keys the object around the cursor already has (for a key). */
  siblings: string[];
};

const isArray = (s: string | undefined) => s === "[]";

function statementOf(scan: Scan, at: ScanContext): { statement: Statement; rest: string[] } | undefined {
  const { path, containers } = at;
  if (path[0] !== "Statement") return undefined;
  const depth = isArray(path[1]) ? 2 : 1;
  if (containers.length <= depth) return undefined;
  const start = containers[depth];
  const own = (s: { containers: number[] }) => s.containers[depth] === start;
  const values = (key: string) =>
    scan.strings
      .filter((s) => s.role === "value" && own(s) && s.span.start !== at.string?.span.start)
      .filter((s) => {
        const rel = s.path.slice(depth);
        return rel.length === 1 && rel[0] === key;
      })
      .map((s) => s.value);
  return { statement: { start, keys: scan.keys.get(start) ?? [], values }, rest: path.slice(depth) };
}

function classify(scan: Scan, at: ScanContext): Where | undefined {
  const { role, path } = at;
  if (role === "key" && path.length === 0) return { where: "root-key" };
  if (role === "value" && path.length === 1) return { where: "root-value", key: path[0] };
  const found = statementOf(scan, at);
  if (!found) return undefined;
  const { statement, rest } = found;
  const [first, second, third] = rest;
  if (role === "key") {
    if (rest.length === 0) return { where: "statement-key", statement };
    if (first === "Condition" && rest.length === 1) return { where: "condition-operator", statement };
    if (first === "Condition" && rest.length === 2) return { where: "condition-key", operator: second, statement };
    if ((first === "Principal" || first === "NotPrincipal") && rest.length === 1) return { where: "principal-type", statement };
    return undefined;
  }
  if (rest.length === 1) {
    if (first === "Principal" || first === "NotPrincipal") return { where: "principal-value", statement };
    return { where: "statement-value", key: first, statement };
  }
  if (first === "Condition" && rest.length === 3) return { where: "condition-value", operator: second, key: third, statement };
  if ((first === "Principal" || first === "NotPrincipal") && rest.length === 2)
    return { where: "principal-value", type: second, statement };
  return undefined;
}

/** Where `offset` is in the policy being typed, or undefined where nothing is completed. */
export function policyContext(text: string, offset: number): PolicyContext | undefined {
  const scan = scanPolicy(text, offset);
  const at = scan.at;
  if (!at) return undefined;
  const where = classify(scan, at);
  if (!where) return undefined;
  const container = at.containers[at.containers.length - 1];
  const siblings = at.role === "key" ? (scan.keys.get(container) ?? []).filter((k) => k !== at.string?.value) : [];
  return { ...where, string: at.string, siblings };
}

/** The text a completion replaces: a string's contents (to its closing quote), or the word before the cursor. */
export function replaceSpan(text: string, offset: number, string: PolicyContext["string"]): Span {
  if (string) return { start: string.span.start + 1, end: string.closed ? string.span.end - 1 : offset };
  let start = offset;
  while (start > 0 && /[\w:*.\-/$]/.test(text[start - 1])) start--;
  return { start, end: offset };
}
