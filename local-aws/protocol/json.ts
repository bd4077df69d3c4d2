import { NormalizedSchema } from "@smithy/core/schema";
import { AwsError } from "./errors";

/** The AWS JSON 1.1 protocol (Organizations): a JSON body in, a JSON body out, read and written from the SDK's schemas. */

export class JsonParseError extends Error {}

/** Reads a request body into the operation's input shape; members the model doesn't know are ignored, as AWS does. */
export function readJsonInput(schema: unknown, body: Buffer): Record<string, unknown> {
  let value: unknown = {};
  const text = body.toString("utf8");
  if (text.trim()) {
    try {
      value = JSON.parse(text);
    } catch {
      throw new JsonParseError("Start of structure or map found where not expected.");
    }
  }
  if (!isObject(value)) throw new JsonParseError("Start of structure or map found where not expected.");
  return readStruct(NormalizedSchema.of(schema as never), value);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function readStruct(ns: NormalizedSchema, value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, member] of ns.structIterator()) {
    if (!Object.hasOwn(value, name) || value[name] === null) continue;
    out[name] = readValue(member, value[name], name);
  }
  return out;
}

function readValue(ns: NormalizedSchema, v: unknown, path: string): unknown {
  const mismatch = () => new JsonParseError(`Unexpected value type in payload at ${path}`);
  if (ns.isListSchema()) {
    if (!Array.isArray(v)) throw mismatch();
    return v.filter((item) => item !== null).map((item) => readValue(ns.getValueSchema(), item, path));
  }
  if (ns.isMapSchema()) {
    if (!isObject(v)) throw mismatch();
    const out: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(v)) {
      if (item !== null)
        Object.defineProperty(out, k, { value: readValue(ns.getValueSchema(), item, path), enumerable: true, writable: true });
    }
    return out;
  }
  if (ns.isStructSchema()) {
    if (!isObject(v)) throw mismatch();
    return readStruct(ns, v);
  }
  if (ns.isBooleanSchema()) {
    if (typeof v !== "boolean") throw mismatch();
    return v;
  }
  if (ns.isNumericSchema()) {
    if (typeof v !== "number" || !Number.isFinite(v)) throw mismatch();
    return v;
  }
  if (ns.isTimestampSchema()) {
    const d = typeof v === "number" ? new Date(v * 1000) : typeof v === "string" ? new Date(v) : new Date(NaN);
    if (Number.isNaN(d.getTime())) throw mismatch();
    return d;
  }
  if (ns.isBlobSchema()) {
    if (typeof v !== "string") throw mismatch();
    return Buffer.from(v, "base64");
  }
  if (typeof v !== "string") throw mismatch();
  return v;
}

/** The output shape as JSON: timestamps as epoch seconds, blobs as base64, absent members left out. */
export function writeJsonOutput(schema: unknown, output: Record<string, unknown> | undefined): string {
  const ns = NormalizedSchema.of(schema as never);
  if (ns.isUnitSchema() || !ns.isStructSchema()) return "{}";
  return JSON.stringify(writeStruct(ns, output ?? {}));
}

function writeStruct(ns: NormalizedSchema, value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, member] of ns.structIterator()) {
    const v = value[name];
    if (v !== undefined && v !== null) out[name] = writeValue(member, v);
  }
  return out;
}

function writeValue(ns: NormalizedSchema, v: unknown): unknown {
  if (ns.isListSchema()) return (v as unknown[]).map((item) => writeValue(ns.getValueSchema(), item));
  if (ns.isMapSchema()) {
    const out: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(v as Record<string, unknown>)) out[k] = writeValue(ns.getValueSchema(), item);
    return out;
  }
  if (ns.isStructSchema()) return writeStruct(ns, v as Record<string, unknown>);
  if (ns.isTimestampSchema()) return (v instanceof Date ? v : new Date(v as string)).getTime() / 1000;
  if (ns.isBlobSchema()) return Buffer.from(v as Uint8Array | string).toString("base64");
  return v;
}

/** `{"__type": "...", "Message": "...", "Reason": "..."}`; AWS names JSON errors by the exception shape. */
export function errorJson(err: AwsError): string {
  return JSON.stringify({ __type: err.code, Message: err.message, ...(err.reason ? { Reason: err.reason } : {}) });
}
