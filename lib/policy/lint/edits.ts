import type { JsonMember, JsonNode, Span } from "../types";
import type { QuickFix, TextEdit } from "./types";

/** Applies edits (non-overlapping, any order) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.text + out.slice(e.span.end);
  return out;
}

/** A JSON string literal replacing a string value's whole span (quotes included). */
export const replaceString = (title: string, span: Span, value: string): QuickFix => ({
  title,
  edits: [{ span, text: JSON.stringify(value) }],
});

/**
 * The span that removes `items[i]` from a list of siblings (array items or object members), with the comma
 * that joins it to its neighbour: the one before it when it is last, else the one after.
 */
export function removalSpan(spans: readonly Span[], i: number): Span {
  if (spans.length === 1) return spans[0];
  if (i === spans.length - 1) return { start: spans[i - 1].end, end: spans[i].end };
  return { start: spans[i].start, end: spans[i + 1].start };
}

export const memberSpan = (m: JsonMember): Span => ({ start: m.keySpan.start, end: m.value.span.end });

/** Removes the `index`th item of an array node. */
export function removeItem(array: Extract<JsonNode, { kind: "array" }>, index: number): TextEdit {
  return {
    span: removalSpan(
      array.items.map((n) => n.span),
      index,
    ),
    text: "",
  };
}

/** Removes one member of an object node. */
export function removeMember(object: Extract<JsonNode, { kind: "object" }>, m: JsonMember): TextEdit {
  const spans = object.members.map(memberSpan);
  return { span: removalSpan(spans, object.members.indexOf(m)), text: "" };
}
