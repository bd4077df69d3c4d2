import { compileGlob, wildcardMask, type Glob } from "./glob";
import { lookup, type EvalState } from "./state";

/**
 * A Resource or Condition value with policy variables (IAM User Guide, "Policy variables"): `${key}` is replaced by
 * the context key's value, `${key, 'default'}` falls back to the default, and `${*}` `${?}` `${$}` are the literal
 * characters. Substituted text is literal: only the policy's own `*` and `?` are wildcards.
 */
export type Variable = { key: string; lower: string; fallback?: string };
export type Part = { text: string } | Variable;
export type Template = { parts: Part[]; keys: string[] };

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
    if (body in ESCAPES) {
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

/** The substituted text and which characters remain wildcards; undefined when a variable has no value. */
export function resolveTemplate(t: Template, state: EvalState): { text: string; mask: Uint8Array } | undefined {
  let text = "";
  const literal: boolean[] = [];
  for (const part of t.parts) {
    let piece: string;
    let isLiteral = true;
    if ("text" in part) {
      piece = part.text;
      isLiteral = false;
    } else if (!part.key) {
      piece = part.fallback!;
    } else {
      const value = part.lower === "\u0000" ? undefined : lookup(state, part.key, part.lower, part.fallback === undefined);
      const single = typeof value === "string" ? value : value?.length === 1 ? value[0] : undefined;
      if (single === undefined && part.fallback === undefined) return undefined;
      piece = single ?? part.fallback!;
    }
    text += piece;
    for (let i = 0; i < piece.length; i++) literal.push(isLiteral);
  }
  const mask = wildcardMask(text);
  for (let i = 0; i < mask.length; i++) if (literal[i]) mask[i] = 0;
  return { text, mask };
}

export function resolveGlob(t: Template, state: EvalState): Glob | undefined {
  const r = resolveTemplate(t, state);
  return r && compileGlob(r.text, r.mask);
}
