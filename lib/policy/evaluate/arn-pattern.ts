import { compileGlob, matchGlob, matchGlobRange, wildcardMask, type Glob } from "./glob";

/**
 * An ARN pattern for Resource/NotResource and the Arn* operators. "Each of the six colon-delimited components of the
 * ARN is checked separately" (IAM User Guide, "Condition operators: ARN"): wildcards in the partition, service,
 * region and account never cross a colon; the resource part, colons included, is one component.
 */
export type ArnPattern =
  | { kind: "exact"; text: string }
  | { kind: "whole"; glob: Glob }
  | { kind: "head"; head: string; rest: Glob }
  | { kind: "fields"; fields: Glob[]; rest: Glob };

export function compileArnPattern(pattern: string, mask: Uint8Array = wildcardMask(pattern)): ArnPattern {
  if (!mask.some((m) => m !== 0)) return { kind: "exact", text: pattern };
  const colons = firstColons(pattern);
  if (colons.length < 5) return { kind: "whole", glob: compileGlob(pattern, mask) };
  const restStart = colons[4] + 1;
  const rest = compileGlob(pattern.slice(restStart), mask.subarray(restStart));
  if (!mask.subarray(0, restStart).some((m) => m !== 0)) return { kind: "head", head: pattern.slice(0, restStart), rest };
  const fields: Glob[] = [];
  let from = 0;
  for (const c of colons) {
    fields.push(compileGlob(pattern.slice(from, c), mask.subarray(from, c)));
    from = c + 1;
  }
  return { kind: "fields", fields, rest };
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
    case "whole":
      return matchGlob(p.glob, value);
    case "head":
      return value.startsWith(p.head) && matchGlobRange(p.rest, value, p.head.length, value.length);
    default: {
      let from = 0;
      for (let f = 0; f < 5; f++) {
        const colon = value.indexOf(":", from);
        if (colon < 0 || !matchGlobRange(p.fields[f], value, from, colon)) return false;
        from = colon + 1;
      }
      return matchGlobRange(p.rest, value, from, value.length);
    }
  }
}
