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

type Plan =
  | { kind: "struct"; members: { name: string; tag: string; plan: Plan }[] }
  | { kind: "list"; memberTag: string; member: Plan }
  | { kind: "map"; value: Plan }
  | { kind: "scalar"; ns: NormalizedSchema };

const plans = new WeakMap<object, Plan>();

/** A writer plan per schema, built once: walking NormalizedSchema for every element is slow on big pages. */
function planFor(ns: NormalizedSchema): Plan {
  const raw = ns.getSchema() as unknown;
  const key = typeof raw === "object" && raw !== null ? raw : undefined;
  const cached = key && plans.get(key);
  if (cached) return cached;
  let plan: Plan;
  if (ns.isListSchema()) {
    const member = ns.getValueSchema();
    plan = { kind: "list", memberTag: member.getMergedTraits().xmlName ?? "member", member: { kind: "scalar", ns: member } };
    if (key) plans.set(key, plan);
    plan.member = planFor(member);
  } else if (ns.isMapSchema()) {
    plan = { kind: "map", value: { kind: "scalar", ns } };
    if (key) plans.set(key, plan);
    plan.value = planFor(ns.getValueSchema());
  } else if (ns.isStructSchema()) {
    const members: { name: string; tag: string; plan: Plan }[] = [];
    plan = { kind: "struct", members };
    if (key) plans.set(key, plan);
    for (const [name, member] of ns.structIterator()) {
      members.push({ name, tag: member.getMergedTraits().xmlName ?? name, plan: planFor(member) });
    }
  } else {
    plan = { kind: "scalar", ns };
  }
  return plan;
}

function writeMembers(ns: NormalizedSchema, value: Record<string, unknown>, indent: string): string {
  return writeStruct(planFor(ns) as Extract<Plan, { kind: "struct" }>, value, indent);
}

function writeStruct(plan: Extract<Plan, { kind: "struct" }>, value: Record<string, unknown>, indent: string): string {
  let xml = "";
  for (const m of plan.members) {
    const v = value[m.name];
    if (v === undefined || v === null) continue;
    xml += writeElement(m.tag, m.plan, v, indent);
  }
  return xml;
}

function writeElement(tag: string, plan: Plan, v: unknown, indent: string): string {
  switch (plan.kind) {
    case "list": {
      let items = "";
      const inner = indent + "  ";
      for (const item of v as unknown[]) items += writeElement(plan.memberTag, plan.member, item, inner);
      return items ? `${indent}<${tag}>\n${items}${indent}</${tag}>\n` : `${indent}<${tag}/>\n`;
    }
    case "map": {
      let entries = "";
      for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
        entries +=
          `${indent}  <entry>\n${indent}    <key>${escapeXml(k)}</key>\n` +
          writeElement("value", plan.value, item, indent + "    ") +
          `${indent}  </entry>\n`;
      }
      return `${indent}<${tag}>\n${entries}${indent}</${tag}>\n`;
    }
    case "struct":
      return `${indent}<${tag}>\n${writeStruct(plan, v as Record<string, unknown>, indent + "  ")}${indent}</${tag}>\n`;
    default:
      return `${indent}<${tag}>${escapeXml(scalar(plan.ns, v))}</${tag}>\n`;
  }
}

function scalar(ns: NormalizedSchema, v: unknown): string {
  if (ns.isTimestampSchema()) return isoSeconds(v instanceof Date ? v : new Date(v as string));
  if (ns.isBlobSchema()) return Buffer.from(v as Uint8Array | string).toString("base64");
  return String(v);
}

export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}
