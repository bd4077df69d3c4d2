import type { HighlightRange } from "@/components/policy-editor/monaco-policy-editor";
import type { MatchedStatement } from "@/lib/queries/simulator";

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf("\n", offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + column - 1);
}

function positionOf(text: string, offset: number) {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - (before.lastIndexOf("\n") + 1) + 1 };
}

/**
 * AWS's StartPosition is where its parser stood after the token before the statement (the `[` or the previous
 * statement's `}`), or just inside the `{` of a lone statement; the highlight starts at the statement's own `{`.
 */
export function statementRange(text: string, s: Pick<MatchedStatement, "start" | "end">): HighlightRange {
  let start = offsetOf(text, s.start.line, s.start.column);
  // A Statement that is one object (not a list): AWS starts just inside its `{`.
  if (text[start - 1] === "{") start--;
  while (start < text.length && /[\s,[]/.test(text[start])) start++;
  return { start: positionOf(text, start), end: s.end };
}
