import { NormalizedSchema } from "@smithy/core/schema";
import { escapeXml } from "./errors";

type Tree = { value?: string; children: Map<string, Tree> };

/** Turns `Tags.member.1.Key=k` pairs into a tree keyed by each dotted segment. */
export function paramTree(params: URLSearchParams): Tree {
  const root: Tree = { children: new Map() };
  for (const [key, value] of params) {
    let node = root;
    for (const part of key.split(".")) {
      let next = node.children.get(part);
      if (!next) node.children.set(part, (next = { children: new Map() }));
      node = next;
    }
    node.value = value;
  }
  return root;
}

export class QueryParseError extends Error {}

const NUMBER_RE = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;
const EPOCH_RE = /^-?\d+(\.\d+)?$/;
const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** A structure's members as a Query request names them, listed once per schema (as the writers below are compiled). */
type Field = { name: string; key: string; schema: NormalizedSchema };
const fieldLists = new WeakMap<object, Field[]>();
const normalizedSchemas = new WeakMap<object, NormalizedSchema>();

/** An operation's input or output schema, normalized once. */
function normalized(schema: unknown): NormalizedSchema {
  const key = typeof schema === "object" && schema !== null ? schema : undefined;
  let ns = key && normalizedSchemas.get(key);
  if (!ns) {
    ns = NormalizedSchema.of(schema as never);
    if (key) normalizedSchemas.set(key, ns);
  }
  return ns;
}

function fieldsOf(ns: NormalizedSchema): Field[] {
  const raw = ns.getSchema() as unknown;
  const key = typeof raw === "object" && raw !== null ? raw : undefined;
  let fields = key && fieldLists.get(key);
  if (!fields) {
    fields = [...ns.structIterator()].map(([name, member]) => ({ name, key: member.getMergedTraits().xmlName ?? name, schema: member }));
    if (key) fieldLists.set(key, fields);
  }
  return fields;
}

/** Reads a Query request's parameters into the operation's input shape, as the SDK wrote them. */
export function readInput(schema: unknown, tree: Tree): Record<string, unknown> {
  return readFields(fieldsOf(normalized(schema)), tree);
}

function readFields(fields: Field[], node: Tree): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const child = node.children.get(f.key);
    if (child) out[f.name] = readValue(f.schema, child, f.name);
  }
  return out;
}

function readValue(ns: NormalizedSchema, node: Tree, path: string): unknown {
  if (ns.isListSchema()) {
    if (node.value === "" && node.children.size === 0) return [];
    const member = ns.getValueSchema();
    const container = node.children.get(member.getMergedTraits().xmlName ?? "member") ?? node;
    return indexed(container, path).map((n) => readValue(member, n, path));
  }
  if (ns.isMapSchema()) {
    const out: Record<string, unknown> = {};
    const entries = node.children.get("entry") ?? node;
    for (const entry of indexed(entries, path)) {
      const k = entry.children.get("key")?.value;
      const v = entry.children.get("value");
      if (k === undefined || !v) throw new QueryParseError(`Invalid map entry in ${path}`);
      Object.defineProperty(out, k, { value: readValue(ns.getValueSchema(), v, path), enumerable: true, writable: true });
    }
    return out;
  }
  if (ns.isStructSchema()) return readFields(fieldsOf(ns), node);
  const raw = node.value ?? "";
  if (ns.isBooleanSchema()) {
    if (raw !== "true" && raw !== "false") throw new QueryParseError(`Invalid boolean value for ${path}: ${raw}`);
    return raw === "true";
  }
  if (ns.isNumericSchema()) {
    const n = Number(raw);
    if (!NUMBER_RE.test(raw) || !Number.isFinite(n)) throw new QueryParseError(`Invalid number value for ${path}: ${raw}`);
    return n;
  }
  if (ns.isTimestampSchema()) {
    const d = EPOCH_RE.test(raw) ? new Date(Number(raw) * 1000) : new Date(ISO_RE.test(raw) ? raw : NaN);
    if (Number.isNaN(d.getTime())) throw new QueryParseError(`Invalid timestamp value for ${path}: ${raw}`);
    return d;
  }
  if (ns.isBlobSchema()) return Buffer.from(raw, "base64");
  return raw;
}

function indexed(node: Tree, path: string): Tree[] {
  const items: [number, Tree][] = [];
  for (const [k, v] of node.children) {
    const i = Number(k);
    if (!/^[1-9]\d{0,5}$/.test(k)) throw new QueryParseError(`Invalid list index ${k} in ${path}`);
    items.push([i, v]);
  }
  return items.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

/** `<XResponse><XResult>...</XResult><ResponseMetadata/></XResponse>`, from the output shape. */
export function writeResponse(
  action: string,
  outputSchema: unknown,
  output: Record<string, unknown> | undefined,
  xmlns: string,
  requestId: string,
): string {
  const ns = normalized(outputSchema);
  const out = [`<${action}Response xmlns="${xmlns}">\n`];
  if (!ns.isUnitSchema() && ns.isStructSchema()) {
    out.push(`  <${action}Result>\n`);
    writeMembers((writerFor(ns) as StructWriter).members, output ?? {}, 2, out);
    out.push(`  </${action}Result>\n`);
  }
  out.push(`  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n</${action}Response>\n`);
  return out.join("");
}

/**
 * An element's writer, compiled once per schema: it appends the element's pieces to `out` (joined once at the end, so
 * the body is one flat string, not a rope of every field), indented two spaces per depth.
 */
type Tag = { open: string; openLine: string; close: string; empty: string };
type Write = (out: string[], tag: Tag, value: unknown, depth: number) => void;
type Writer = { write: Write };
type Member = { name: string; tag: Tag; writer: Writer };
type StructWriter = Writer & { members: Member[] };

const tagOf = (name: string): Tag => ({ open: `<${name}>`, openLine: `<${name}>\n`, close: `</${name}>\n`, empty: `<${name}/>\n` });
const VALUE = tagOf("value");

const indents = [""];
const indent = (depth: number) => indents[depth] ?? (indents[depth] = "  ".repeat(depth));

const writers = new WeakMap<object, Writer>();

function writerFor(ns: NormalizedSchema): Writer {
  const raw = ns.getSchema() as unknown;
  const key = typeof raw === "object" && raw !== null ? raw : undefined;
  const cached = key && writers.get(key);
  if (cached) return cached;
  // Registered before its members are compiled, so a recursive shape reaches this same writer.
  const writer: Writer = { write: () => undefined };
  if (key) writers.set(key, writer);
  if (ns.isListSchema()) {
    const member = ns.getValueSchema();
    const memberTag = tagOf(member.getMergedTraits().xmlName ?? "member");
    const item = writerFor(member);
    writer.write = (out, tag, value, depth) => {
      const pad = indent(depth);
      let empty = true;
      for (const v of value as unknown[]) {
        if (empty) out.push(pad, tag.openLine);
        empty = false;
        item.write(out, memberTag, v, depth + 1);
      }
      out.push(pad, empty ? tag.empty : tag.close);
    };
  } else if (ns.isMapSchema()) {
    const entry = writerFor(ns.getValueSchema());
    writer.write = (out, tag, value, depth) => {
      const pad = indent(depth);
      const entryPad = indent(depth + 1);
      const keyPad = indent(depth + 2);
      out.push(pad, tag.openLine);
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        out.push(entryPad, "<entry>\n", keyPad, "<key>", escapeXml(k), "</key>\n");
        entry.write(out, VALUE, v, depth + 2);
        out.push(entryPad, "</entry>\n");
      }
      out.push(pad, tag.close);
    };
  } else if (ns.isStructSchema()) {
    const members: Member[] = [];
    (writer as StructWriter).members = members;
    for (const [name, member] of ns.structIterator()) {
      members.push({ name, tag: tagOf(member.getMergedTraits().xmlName ?? name), writer: writerFor(member) });
    }
    writer.write = (out, tag, value, depth) => {
      const pad = indent(depth);
      out.push(pad, tag.openLine);
      writeMembers(members, value as Record<string, unknown>, depth + 1, out);
      out.push(pad, tag.close);
    };
  } else {
    const text = scalarText(ns);
    writer.write = (out, tag, value, depth) => {
      out.push(indent(depth), tag.open, escapeXml(text(value)), tag.close);
    };
  }
  return writer;
}

function writeMembers(members: Member[], value: Record<string, unknown>, depth: number, out: string[]): void {
  for (const m of members) {
    const v = value[m.name];
    if (v !== undefined && v !== null) m.writer.write(out, m.tag, v, depth);
  }
}

function scalarText(ns: NormalizedSchema): (v: unknown) => string {
  if (ns.isTimestampSchema()) return (v) => isoSeconds(v instanceof Date ? v : new Date(v as string));
  if (ns.isBlobSchema()) return (v) => Buffer.from(v as Uint8Array | string).toString("base64");
  return String;
}

/** ISO 8601 to the second, as AWS writes its dates: toISOString always ends in `.sssZ`. */
export function isoSeconds(d: Date): string {
  return d.toISOString().slice(0, -5) + "Z";
}
