/** A compiled IAM wildcard pattern: `*` matches any run (including none), `?` any one character. */
export type Glob =
  | { kind: "any" }
  | { kind: "exact"; text: string }
  | { kind: "prefix"; text: string }
  | { kind: "general"; text: string; mask: Uint8Array };

const LITERAL = 0;
const STAR = 1;
const ONE = 2;

/** `mask` marks which characters are wildcards; without it, every `*` and `?` is one. */
export function compileGlob(pattern: string, mask?: Uint8Array): Glob {
  const m = mask ?? wildcardMask(pattern);
  let wild = 0;
  for (let i = 0; i < m.length; i++) if (m[i] !== LITERAL) wild++;
  if (wild === 0) return { kind: "exact", text: pattern };
  if (wild === 1 && m[pattern.length - 1] === STAR) {
    return pattern.length === 1 ? { kind: "any" } : { kind: "prefix", text: pattern.slice(0, -1) };
  }
  return { kind: "general", text: pattern, mask: m };
}

export function wildcardMask(pattern: string): Uint8Array {
  const m = new Uint8Array(pattern.length);
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    m[i] = c === 42 ? STAR : c === 63 ? ONE : LITERAL;
  }
  return m;
}

export const matchGlob = (g: Glob, s: string) => matchGlobRange(g, s, 0, s.length);

/** Matches `s.slice(from, to)` without slicing it. */
export function matchGlobRange(g: Glob, s: string, from: number, to: number): boolean {
  switch (g.kind) {
    case "any":
      return true;
    case "exact":
      return to - from === g.text.length && s.startsWith(g.text, from);
    case "prefix":
      return to - from >= g.text.length && s.startsWith(g.text, from);
    default:
      return general(g.text, g.mask, s, from, to);
  }
}

function general(p: string, mask: Uint8Array, s: string, from: number, to: number): boolean {
  let pi = 0;
  let si = from;
  let starP = -1;
  let starS = 0;
  while (si < to) {
    if (pi < p.length) {
      const w = mask[pi];
      if (w === STAR) {
        starP = pi++;
        starS = si;
        continue;
      }
      if (w === ONE || p.charCodeAt(pi) === s.charCodeAt(si)) {
        pi++;
        si++;
        continue;
      }
    }
    if (starP < 0) return false;
    pi = starP + 1;
    si = ++starS;
  }
  while (pi < p.length && mask[pi] === STAR) pi++;
  return pi === p.length;
}
