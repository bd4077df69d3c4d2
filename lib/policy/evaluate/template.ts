import { wildcardMask } from "./glob";
import { lookup, type EvalState } from "./state";

/**
 * A Resource or Condition value with policy variables (IAM User Guide, "Policy variables"): `${key}` is replaced by
 * the context key's value, `${key, 'default'}` falls back to the default, and `${*}` `${?}` `${$}` are the literal
 * characters. Substituted text is literal: only the policy's own `*` and `?` are wildcards.
 */
export type Variable = { key: string; lower: string; fallback?: string };
export type Part = { text: string } | Variable;
export type Template = { parts: Part[]; keys: string[]; cache?: Map<string, unknown> };

const ESCAPES: Record<string, string> = { "*": "*", "?": "?", $: "$" };

/** Undefined when the value has no variables (or the policy is not Version 2012-10-17). */
export function parseTemplate(value: string): Template | undefined {
  if (!value.includes("${")) return undefined;
  const parts: Part[] = [];
  const keys: string[] = [];
  let text = "";
  let i = 0;
  while (i < value.length) {
    const start = value.indexOf("${", i);
    const end = start < 0 ? -1 : value.indexOf("}", start + 2);
    if (start < 0 || end < 0) {
      text += value.slice(i);
      break;
    }
    text += value.slice(i, start);
    const body = value.slice(start + 2, end);
    i = end + 1;
    if (Object.hasOwn(ESCAPES, body)) {
      if (text) parts.push({ text });
      text = "";
      parts.push({ key: "", lower: "", fallback: ESCAPES[body] });
      continue;
    }
    if (text) parts.push({ text });
    text = "";
    const variable = parseVariable(body);
    parts.push(variable);
    if (variable.lower !== "\u0000") keys.push(variable.key);
  }
  if (text) parts.push({ text });
  return { parts, keys };
}

/** `aws:username` or `aws:username, 'default'` (a doubled quote stands for one); an unparsable body never resolves. */
function parseVariable(body: string): Variable {
  const comma = body.indexOf(",");
  const key = (comma < 0 ? body : body.slice(0, comma)).trim();
  if (!key || /\s/.test(key)) return { key: body, lower: "\u0000" };
  if (comma < 0) return { key, lower: key.toLowerCase() };
  const quoted = body.slice(comma + 1).trim();
  if (!/^'(?:[^']|'')*'$/.test(quoted)) return { key, lower: "\u0000" };
  return { key, lower: key.toLowerCase(), fallback: quoted.slice(1, -1).replace(/''/g, "'") };
}

/** A variable's value: the context key's single value, else its default; undefined when it has neither. */
function valueOf(part: Variable, state: EvalState): string | undefined {
  if (!part.key) return part.fallback;
  const value = part.lower === "\u0000" ? undefined : lookup(state, part.key, part.lower, part.fallback === undefined);
  const single = typeof value === "string" ? value : value?.length === 1 ? value[0] : undefined;
  return single ?? part.fallback;
}

const MAX_CACHED = 256;

/**
 * The value built (by `build`) from the substituted text and its wildcard mask, or undefined when a variable has no
 * value. Built values are cached per template by the variables' values, so a repeated request compiles nothing.
 */
export function resolveTemplate<T>(t: Template, state: EvalState, build: (text: string, mask: Uint8Array) => T): T | undefined {
  let key = "";
  for (let i = 0; i < t.parts.length; i++) {
    const part = t.parts[i];
    if ("text" in part) continue;
    const value = valueOf(part, state);
    if (value === undefined) return undefined;
    key = key === "" ? value : `${key}\u0001${value}`;
  }
  const cache = (t.cache ??= new Map());
  if (cache.has(key)) return cache.get(key) as T;
  let text = "";
  const literal: boolean[] = [];
  for (const part of t.parts) {
    const isText = "text" in part;
    const piece = isText ? part.text : valueOf(part, state)!;
    text += piece;
    for (let i = 0; i < piece.length; i++) literal.push(!isText);
  }
  const mask = wildcardMask(text);
  for (let i = 0; i < mask.length; i++) if (literal[i]) mask[i] = 0;
  const built = build(text, mask);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, built);
  return built;
}
