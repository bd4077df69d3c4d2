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

/** Reads a Query request's parameters into the operation's input shape, as the SDK wrote them. */
export function readInput(schema: unknown, tree: Tree): Record<string, unknown> {
  const ns = NormalizedSchema.of(schema as never);
  const out: Record<string, unknown> = {};
  for (const [name, member] of ns.structIterator()) {
    const key = member.getMergedTraits().xmlName ?? name;
    const node = tree.children.get(key);
    if (node) out[name] = readValue(member, node, name);
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
  if (ns.isStructSchema()) {
    const out: Record<string, unknown> = {};
    for (const [name, member] of ns.structIterator()) {
      const child = node.children.get(member.getMergedTraits().xmlName ?? name);
      if (child) out[name] = readValue(member, child, name);
    }
    return out;
  }
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
  const ns = NormalizedSchema.of(outputSchema as never);
  let result = "";
  if (!ns.isUnitSchema() && ns.isStructSchema()) {
    result = `  <${action}Result>\n${writeMembers(ns, output ?? {}, "    ")}  </${action}Result>\n`;
  }
  return (
    `<${action}Response xmlns="${xmlns}">\n${result}` +
    `  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n</${action}Response>\n`
  );
}

function writeMembers(ns: NormalizedSchema, value: Record<string, unknown>, indent: string): string {
  let xml = "";
  for (const [name, member] of ns.structIterator()) {
    const v = value[name];
    if (v === undefined || v === null) continue;
    xml += writeElement(member.getMergedTraits().xmlName ?? name, member, v, indent);
  }
  return xml;
}

function writeElement(tag: string, ns: NormalizedSchema, v: unknown, indent: string): string {
  if (ns.isListSchema()) {
    const member = ns.getValueSchema();
    const memberTag = member.getMergedTraits().xmlName ?? "member";
    const items = (v as unknown[]).map((item) => writeElement(memberTag, member, item, indent + "  ")).join("");
    return items ? `${indent}<${tag}>\n${items}${indent}</${tag}>\n` : `${indent}<${tag}/>\n`;
  }
  if (ns.isMapSchema()) {
    const entries = Object.entries(v as Record<string, unknown>)
      .map(
        ([k, item]) =>
          `${indent}  <entry>\n${indent}    <key>${escapeXml(k)}</key>\n` +
          writeElement("value", ns.getValueSchema(), item, indent + "    ") +
          `${indent}  </entry>\n`,
      )
      .join("");
    return `${indent}<${tag}>\n${entries}${indent}</${tag}>\n`;
  }
  if (ns.isStructSchema()) {
    return `${indent}<${tag}>\n${writeMembers(ns, v as Record<string, unknown>, indent + "  ")}${indent}</${tag}>\n`;
  }
  return `${indent}<${tag}>${escapeXml(scalar(ns, v))}</${tag}>\n`;
}

function scalar(ns: NormalizedSchema, v: unknown): string {
  if (ns.isTimestampSchema()) return isoSeconds(v instanceof Date ? v : new Date(v as string));
  if (ns.isBlobSchema()) return Buffer.from(v as Uint8Array | string).toString("base64");
  return String(v);
}

export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}
