import { compileGlob, matchGlobRange, wildcardMask, type Glob } from "./glob";

/**
 * An ARN pattern for Resource/NotResource and the Arn* operators. Wildcards in the partition, service, region and
 * account segments stay within their segment, except (Resource only) a `*` that ends a segment, which "can expand to
 * match beyond the colon boundaries" (IAM User Guide, "IAM JSON policy elements: Resource"); the Arn* operators check
 * "each of the six colon-delimited components separately". The resource part, colons included, is one segment.
 */
export type ArnPattern =
  | { kind: "exact"; text: string }
  | { kind: "head"; head: string; rest: Glob }
  | { kind: "segments"; text: string; tokens: Uint8Array; restStart: number; rest?: Glob };

const LITERAL = 0;
const ONE = 2;
const STAR_SEGMENT = 3;
const STAR_ANY = 4;

/** `crossing`: a segment-ending `*` may cross colons (Resource); false for ArnEquals/ArnLike. */
export function compileArnPattern(pattern: string, mask: Uint8Array = wildcardMask(pattern), crossing = true): ArnPattern {
  if (!mask.some((m) => m !== 0)) return { kind: "exact", text: pattern };
  const colons = firstColons(pattern);
  const restStart = colons.length === 5 ? colons[4] + 1 : pattern.length + 1;
  if (restStart <= pattern.length && !mask.subarray(0, restStart).some((m) => m !== 0)) {
    return { kind: "head", head: pattern.slice(0, restStart), rest: compileGlob(pattern.slice(restStart), mask.subarray(restStart)) };
  }
  const tokens = new Uint8Array(Math.min(restStart, pattern.length));
  for (let i = 0; i < tokens.length; i++) {
    if (mask[i] === 0) tokens[i] = LITERAL;
    else if (mask[i] === 2) tokens[i] = ONE;
    else tokens[i] = crossing && (i + 1 === pattern.length || pattern[i + 1] === ":") ? STAR_ANY : STAR_SEGMENT;
  }
  const rest = restStart <= pattern.length ? compileGlob(pattern.slice(restStart), mask.subarray(restStart)) : undefined;
  return { kind: "segments", text: pattern, tokens, restStart, rest };
}

function firstColons(s: string): number[] {
  const out: number[] = [];
  for (let i = s.indexOf(":"); i >= 0 && out.length < 5; i = s.indexOf(":", i + 1)) out.push(i);
  return out;
}

export function matchArn(p: ArnPattern, value: string): boolean {
  switch (p.kind) {
    case "exact":
      return p.text === value;
    case "head":
      return value.startsWith(p.head) && matchGlobRange(p.rest, value, p.head.length, value.length);
    default:
      return segments(p, 0, value, 0);
  }
}

/** Backtracks only over the short segments before the resource part, where a `*` has few places to end. */
function segments(p: Extract<ArnPattern, { kind: "segments" }>, pi: number, s: string, si: number): boolean {
  const { text, tokens } = p;
  while (pi < tokens.length) {
    const t = tokens[pi];
    if (t === LITERAL || t === ONE) {
      if (si >= s.length) return false;
      const c = s.charCodeAt(si);
      if (t === LITERAL ? c !== text.charCodeAt(pi) : c === 58) return false;
      pi++;
      si++;
      continue;
    }
    if (pi + 1 === text.length) return t === STAR_ANY || s.indexOf(":", si) < 0;
    for (let k = si; k <= s.length; k++) {
      if (segments(p, pi + 1, s, k)) return true;
      if (t === STAR_SEGMENT && s.charCodeAt(k) === 58) return false;
    }
    return false;
  }
  return p.rest ? matchGlobRange(p.rest, s, si, s.length) : si === s.length;
}
