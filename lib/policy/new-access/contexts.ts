import { parseOperator } from "../conditions";
import type { ContextValue } from "../evaluate/types";
import { parseCidr } from "../evaluate/values";
import type { ConditionBlock, Statement } from "../types";
import { SAMPLE_NAME, variableValue } from "./resources";

type Context = Record<string, ContextValue>;
/** `undefined` is "the key is absent from the request". */
type Sample = ContextValue | undefined;

const OTHER = "clef-other-value";
const MAX_CONTEXTS = 64;

/**
 * Request contexts worth trying: none of the conditions' keys; each statement's conditions all met, with each one
 * in turn not met; and each new Allow's conditions met together with each existing Deny's. Values come from the
 * conditions themselves (an operand, one past a bound, the ends of a CIDR); `evaluate` decides what they do.
 */
export function sampleContexts(added: Statement[], existing: Statement[], variableKeys: string[]): Context[] {
  const base: Context = Object.fromEntries(variableKeys.map((k) => [k, variableValue(k)]));
  const out = new Map<string, Context>();
  const add = (...parts: Context[]) => {
    const c = Object.assign({}, base, ...parts) as Context;
    for (const k of Object.keys(c)) if (c[k] === undefined) delete c[k];
    out.set(JSON.stringify(c), c);
  };
  add();
  const met = (s: Statement) => (s.Condition ? satisfying(s.Condition) : [{}]);
  for (const s of [...added, ...existing]) {
    if (!s.Condition) continue;
    for (const c of met(s)) add(c);
    for (const c of violating(s.Condition)) add(c);
  }
  const allows = added.filter((s) => s.Effect === "Allow");
  const denies = existing.filter((s) => s.Effect === "Deny" && s.Condition);
  for (const a of allows) for (const d of denies) for (const c of met(d)) add(met(a)[0], c);
  return [...out.values()].slice(0, MAX_CONTEXTS);
}

type Entry = { key: string; meet: Sample[]; miss: Sample[] };

function entries(block: ConditionBlock): Entry[] {
  const out: Entry[] = [];
  for (const [operator, keys] of Object.entries(block)) {
    for (const [key, values] of Object.entries(keys)) out.push({ key, ...samples(operator, values) });
  }
  return out;
}

/** One context per operand index: every condition met, the i-th sample of each (or its last). */
function satisfying(block: ConditionBlock): Context[] {
  const list = entries(block);
  const n = Math.max(1, ...list.map((e) => e.meet.length));
  return Array.from(
    { length: Math.min(n, 8) },
    (_, i) => Object.fromEntries(list.map((e) => [e.key, e.meet[Math.min(i, e.meet.length - 1)]])) as Context,
  );
}

/** Every condition met but one, which is not. */
function violating(block: ConditionBlock): Context[] {
  const list = entries(block);
  const met = satisfying(block)[0];
  return list.flatMap((e) => e.miss.map((m) => ({ ...met, [e.key]: m }) as Context));
}

function samples(operator: string, values: string[]): { meet: Sample[]; miss: Sample[] } {
  const op = parseOperator(operator);
  const base = op.base;
  const set = (v: Sample): Sample => (v !== undefined && op.set ? [v as string] : v);
  const result = (meet: Sample[], miss: Sample[]) => ({
    meet: (meet.length ? meet : [OTHER]).map(set),
    miss: (op.ifExists ? miss.filter((m) => m !== undefined) : miss).map(set),
  });
  const first = values[0] ?? "";
  if (base === "Null") return first === "true" ? result([undefined], [SAMPLE_NAME]) : result([SAMPLE_NAME], [undefined]);
  if (base === "Bool") {
    const v = first.toLowerCase();
    return result([v], [v === "true" ? "false" : "true", undefined]);
  }
  const negated = /Not/.test(base);
  let meets: string[];
  let misses: string[];
  if (base.startsWith("Numeric"))
    [meets, misses] = bounds(
      values,
      base,
      (s) => Number(s),
      (n) => String(n),
      1,
    );
  else if (base.startsWith("Date")) [meets, misses] = bounds(values, base, Date.parse, (n) => new Date(n).toISOString(), 86_400_000);
  else if (base.endsWith("IpAddress")) [meets, misses] = [values.flatMap(cidrEnds), ["192.0.2.123"]];
  else [meets, misses] = [values.map(fill), [OTHER]];
  if (negated) [meets, misses] = [misses, meets];
  return result(meets, [...misses, undefined]);
}

const fill = (s: string) =>
  s
    .replace(/\$\{[^}]*\}/g, SAMPLE_NAME)
    .replace(/\*/g, SAMPLE_NAME)
    .replace(/\?/g, "x");

/** Values meeting and missing a numeric or date comparison (`NotEquals` is handled by the caller's swap). */
function bounds(values: string[], base: string, read: (s: string) => number, write: (n: number) => string, step: number) {
  const ns = values.map(read).filter((n) => Number.isFinite(n));
  if (!ns.length) return [[], []];
  const lt = base.includes("LessThan");
  const gt = base.includes("GreaterThan");
  const eq = !lt && !gt;
  const strict = !base.endsWith("Equals") || eq;
  const meet = ns.map((n) => (eq ? n : lt ? (strict ? n - step : n) : strict ? n + step : n));
  const miss = ns.map((n) => (eq ? n + step : lt ? (strict ? n : n + step) : strict ? n : n - step));
  return [meet.map(write), miss.map(write)];
}

/** The first and last address of an IPv4 CIDR (the address itself for IPv6 and single addresses). */
function cidrEnds(value: string): string[] {
  const cidr = parseCidr(value);
  if (!cidr) return [];
  const address = value.split("/")[0];
  if (cidr.ip.v6 || cidr.bits === 32) return [address];
  const n = ((cidr.ip.words[0] << 16) | cidr.ip.words[1]) >>> 0;
  const mask = cidr.bits === 0 ? 0 : (0xffffffff << (32 - cidr.bits)) >>> 0;
  const lo = (n & mask) >>> 0;
  const hi = (lo | (~mask >>> 0)) >>> 0;
  const dotted = (x: number) => [24, 16, 8, 0].map((s) => (x >>> s) & 255).join(".");
  return [dotted(lo), dotted(hi)];
}
