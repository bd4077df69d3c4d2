import { readDocument } from "./read";
import type { ReadDocument } from "./read";
import { sameStatement } from "./model";
import type { ConditionValue, VisualPolicy, VisualStatement } from "./model";

const VERSION = "2012-10-17";

/**
 * The document for a visual model. Statements whose blocks are unchanged from `previousText` keep their text byte for
 * byte, and so does everything around the Statement list; changed or new blocks are written as statements in the
 * document's own indentation (AWS's visual editor layout: single values as strings, Sid first). A model read from
 * `previousText` and not edited gives `previousText` back.
 */
export function toDocument(policy: VisualPolicy, previousText: string): string {
  let previous: ReadDocument | undefined;
  try {
    previous = readDocument(previousText);
  } catch {
    previous = undefined;
  }
  if (!previous) return fresh(policy);
  const items = plan(policy.statements, previous);
  const unchanged = items.length === previous.nodes.length && items.every((item, i) => item === i);
  if (unchanged) return previousText;
  const v = previous.statement.value;
  const layout = layoutOf(previousText, previous);
  const texts = items.map((item) => {
    if (typeof item !== "number") return indent(statementText(item, layout.unit), layout.itemIndent);
    const span = previous.nodes[item].span;
    const own = previousText.slice(span.start, span.end);
    return v.kind === "object" && layout.unit ? own.replaceAll("\n", `\n${layout.unit}`) : own;
  });
  const list = texts.length ? `[${layout.open}${texts.join(layout.separator)}${layout.close}]` : "[]";
  return previousText.slice(0, v.span.start) + list + previousText.slice(v.span.end);
}

/** Each output statement: an index of `previous`'s statement kept as written, or a block to write. */
function plan(blocks: VisualStatement[], previous: ReadDocument): (number | VisualStatement)[] {
  const out: (number | VisualStatement)[] = [];
  const used = new Set<number>();
  for (let j = 0; j < blocks.length;) {
    const origin = blocks[j].origin;
    const parts = origin && origin.part === 0 && !used.has(origin.statement) ? previous.blocks[origin.statement] : undefined;
    const same =
      parts &&
      parts.every((p, k) => {
        const b = blocks[j + k];
        return b?.origin?.statement === origin!.statement && b.origin.part === k && sameStatement(b, p);
      });
    if (same) {
      used.add(origin!.statement);
      out.push(origin!.statement);
      j += parts.length;
    } else out.push(blocks[j++]);
  }
  return out;
}

type Layout = { unit: string; itemIndent: string; open: string; separator: string; close: string };

const lineIndent = (text: string, offset: number) => {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))![0];
};

/** The document's indentation unit and the Statement list's own spacing, so new statements look like their neighbours. */
function layoutOf(text: string, doc: ReadDocument): Layout {
  const first = doc.root.members[0];
  const rootText = text.slice(doc.root.span.start, first ? first.keySpan.start : doc.root.span.end);
  const multiline = rootText.includes("\n");
  const unit = multiline ? lineIndent(text, first.keySpan.start).slice(lineIndent(text, doc.root.span.start).length) || "\t" : "";
  const v = doc.statement.value;
  const base = multiline ? lineIndent(text, doc.statement.keySpan.start) : "";
  if (v.kind === "array" && v.items.length) {
    const items = v.items;
    const open = text.slice(v.span.start + 1, items[0].span.start);
    const close = text.slice(items[items.length - 1].span.end, v.span.end - 1);
    const separator = items.length > 1 ? text.slice(items[0].span.end, items[1].span.start) : multiline ? `,\n${base}${unit}` : ",";
    return { unit, itemIndent: multiline ? lineIndent(text, items[0].span.start) : "", open, separator, close };
  }
  const itemIndent = multiline ? base + unit : "";
  return {
    unit,
    itemIndent,
    open: multiline ? `\n${itemIndent}` : "",
    separator: multiline ? `,\n${itemIndent}` : ",",
    close: multiline ? `\n${base}` : "",
  };
}

const indent = (text: string, by: string) => (by ? text.replaceAll("\n", `\n${by}`) : text);

const one = <T>(values: T[]): T | T[] => (values.length === 1 ? values[0] : values);

/** A block as a statement object, in the order AWS's visual editor writes it. */
export function statementObject(s: VisualStatement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (s.sid !== undefined) out.Sid = s.sid;
  out.Effect = s.effect;
  for (const k of s.kept) out[k.key] = k.value;
  out[s.notAction ? "NotAction" : "Action"] = one(s.actions);
  out[s.notResource ? "NotResource" : "Resource"] = one(s.resources);
  if (s.conditions.length) {
    const block: Record<string, Record<string, ConditionValue[]>> = {};
    for (const c of s.conditions) {
      const keys = (block[c.operator] ??= {});
      keys[c.key] = [...(keys[c.key] ?? []), ...c.values.filter((v) => !(keys[c.key] ?? []).includes(v))];
    }
    out.Condition = Object.fromEntries(
      Object.entries(block).map(([op, keys]) => [op, Object.fromEntries(Object.entries(keys).map(([k, vs]) => [k, one(vs)]))]),
    );
  }
  return out;
}

const statementText = (s: VisualStatement, unit: string) => JSON.stringify(statementObject(s), null, unit);

function fresh(policy: VisualPolicy): string {
  return JSON.stringify({ Version: VERSION, Statement: policy.statements.map(statementObject) }, null, "\t");
}
