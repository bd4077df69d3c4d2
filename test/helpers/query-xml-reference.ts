import { NormalizedSchema } from "@smithy/core/schema";

/**
 * local-aws's Query XML writer as it was before the compiled writers (local-aws/protocol/query.ts), kept verbatim as the
 * reference the new one must match byte for byte (test/unit/query-xml.test.ts), with the escaping it used.
 */
/** `<XResponse><XResult>...</XResult><ResponseMetadata/></XResponse>`, from the output shape. */
export function referenceWriteResponse(
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

function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#xD;" };

function escapeXml(s: string): string {
  // eslint-disable-next-line no-control-regex -- these control characters are exactly what must be replaced
  return s.replace(/[&<>\r]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => ENTITIES[c] ?? "\uFFFD");
}
