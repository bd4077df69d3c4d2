import { parseOperator } from "../conditions";
import type { ConditionBlock } from "../types";
import { compileArnPattern, matchArn, type ArnPattern } from "./arn-pattern";
import { compileGlob, matchGlob, type Glob } from "./glob";
import { lookup, type EvalState } from "./state";
import { parseTemplate, resolveTemplate, type Template } from "./template";
import { inCidr, parseCidr, parseDate, parseIp, parseNumber, readDate, readIp, readNumber, type Cidr } from "./values";

type Kind = "string" | "ignoreCase" | "like" | "numeric" | "date" | "bool" | "binary" | "ip" | "arn" | "null";
type Cmp = "eq" | "lt" | "le" | "gt" | "ge";
type Parsed = string | number | Glob | ArnPattern | Cidr | undefined;
type Operand = { parsed: Parsed; template?: Template };

/** One operator and key of a Condition block, with its values parsed for the operator's type. */
export type CompiledCondition = {
  operator: string;
  key: string;
  lower: string;
  kind: Kind | undefined;
  cmp: Cmp;
  negated: boolean;
  set?: "ForAnyValue" | "ForAllValues";
  ifExists: boolean;
  operands: Operand[];
  /** The operands' parsed values when none has a variable (no work per evaluation). */
  parsedOperands: Parsed[];
  templated: boolean;
  /** The result for the evaluation numbered `epoch`: identical conditions are shared across policies (`intern`). */
  epoch: number;
  result: boolean;
};

const BASES: Record<string, [Kind, Cmp, boolean]> = {
  StringEquals: ["string", "eq", false],
  StringNotEquals: ["string", "eq", true],
  StringEqualsIgnoreCase: ["ignoreCase", "eq", false],
  StringNotEqualsIgnoreCase: ["ignoreCase", "eq", true],
  StringLike: ["like", "eq", false],
  StringNotLike: ["like", "eq", true],
  NumericEquals: ["numeric", "eq", false],
  NumericNotEquals: ["numeric", "eq", true],
  NumericLessThan: ["numeric", "lt", false],
  NumericLessThanEquals: ["numeric", "le", false],
  NumericGreaterThan: ["numeric", "gt", false],
  NumericGreaterThanEquals: ["numeric", "ge", false],
  DateEquals: ["date", "eq", false],
  DateNotEquals: ["date", "eq", true],
  DateLessThan: ["date", "lt", false],
  DateLessThanEquals: ["date", "le", false],
  DateGreaterThan: ["date", "gt", false],
  DateGreaterThanEquals: ["date", "ge", false],
  Bool: ["bool", "eq", false],
  BinaryEquals: ["binary", "eq", false],
  IpAddress: ["ip", "eq", false],
  NotIpAddress: ["ip", "eq", true],
  ArnEquals: ["arn", "eq", false],
  ArnLike: ["arn", "eq", false],
  ArnNotEquals: ["arn", "eq", true],
  ArnNotLike: ["arn", "eq", true],
  Null: ["null", "eq", false],
};

const MAX_INTERNED = 20_000;
const interned = new Map<string, CompiledCondition>();

export function compileConditions(block: ConditionBlock, variables: boolean): CompiledCondition[] {
  const out: CompiledCondition[] = [];
  for (const [operator, keys] of Object.entries(block)) {
    const op = parseOperator(operator);
    const [kind, cmp, negated]: [Kind | undefined, Cmp, boolean] = Object.hasOwn(BASES, op.base)
      ? BASES[op.base]
      : [undefined, "eq", false];
    for (const [key, values] of Object.entries(keys)) {
      const id = JSON.stringify([operator, key, values, variables]);
      const known = interned.get(id);
      if (known) {
        out.push(known);
        continue;
      }
      const operands = values.map((raw): Operand => {
        const template = variables && kind !== "null" ? parseTemplate(raw) : undefined;
        return template ? { parsed: undefined, template } : { parsed: kind ? parseOperand(kind, raw) : undefined };
      });
      const templated = operands.some((o) => o.template);
      const c: CompiledCondition = {
        operator,
        key,
        lower: key.toLowerCase(),
        kind,
        cmp,
        negated,
        set: op.set,
        ifExists: op.ifExists,
        operands,
        parsedOperands: operands.map((o) => o.parsed),
        templated,
        epoch: -1,
        result: false,
      };
      if (interned.size >= MAX_INTERNED) interned.clear();
      interned.set(id, c);
      out.push(c);
    }
  }
  return out;
}

function parseOperand(kind: Kind, raw: string, mask?: Uint8Array): Parsed {
  switch (kind) {
    case "like":
      return compileGlob(raw, mask);
    case "arn":
      return compileArnPattern(raw, mask, false);
    case "numeric":
      return parseNumber(raw);
    case "date":
      return parseDate(raw);
    case "ip":
      return parseCidr(raw);
    case "ignoreCase":
    case "bool":
      return raw.toLowerCase();
    default:
      return raw;
  }
}

const BUILD = Object.fromEntries(
  Object.values(BASES).map(([kind]) => [kind, (text: string, mask: Uint8Array) => parseOperand(kind, text, mask)]),
) as Record<Kind, (text: string, mask: Uint8Array) => Parsed>;

/** AND across operators and keys, OR across a key's values (NOR for negated operators). */
export function conditionsHold(conditions: CompiledCondition[], state: EvalState): boolean {
  for (let i = 0; i < conditions.length; i++) {
    const c = conditions[i];
    if (c.epoch !== state.epoch) {
      c.result = holds(c, state);
      c.epoch = state.epoch;
    }
    if (c.result) continue;
    // Still name the keys the rest of the statement needs, as the simulator's MissingContextValues does.
    for (let j = i + 1; j < conditions.length; j++) {
      const c = conditions[j];
      if (!c.ifExists && c.kind !== "null") lookup(state, c.key, c.lower, true);
    }
    return false;
  }
  return true;
}

function holds(c: CompiledCondition, state: EvalState): boolean {
  if (c.kind === undefined) return false;
  const record = !c.ifExists && c.kind !== "null";
  const value = lookup(state, c.key, c.lower, record);
  if (c.kind === "null") return c.operands.some((o) => (o.parsed === "true") === (value === undefined));
  if (value === undefined) {
    if (c.ifExists || c.set === "ForAllValues") return true;
    return c.set === undefined && c.negated;
  }
  const operands = resolveOperands(c, state);
  if (typeof value === "string") return test(c, operands, value);
  if (c.set === "ForAllValues") return value.every((v) => test(c, operands, v));
  if (c.set === "ForAnyValue") return value.some((v) => test(c, operands, v));
  // A multivalued key without a set operator: true when any value matches, or, negated, when none does.
  if (c.negated) return value.every((v) => test(c, operands, v));
  return value.some((v) => test(c, operands, v));
}

/**
 * The operands with variables substituted. A variable with no value is "effectively null": it equals nothing, so
 * StringEquals does not match it and StringNotEquals does (IAM User Guide, "Policy variables with no value").
 */
function resolveOperands(c: CompiledCondition, state: EvalState): Parsed[] {
  if (!c.templated) return c.parsedOperands;
  return c.operands.map((o) => {
    if (!o.template) return o.parsed;
    return resolveTemplate(o.template, state, BUILD[c.kind!]);
  });
}

/** One context value against the policy values; a value of the wrong type (not a number, date, IP) never matches. */
function test(c: CompiledCondition, operands: Parsed[], raw: string): boolean {
  const v = readContext(c.kind!, raw);
  if (Number.isNaN(v) || v === undefined) return false;
  let any = false;
  for (let i = 0; i < operands.length && !any; i++) any = matches(c, operands[i], v);
  return c.negated ? !any : any;
}

function readContext(kind: Kind, raw: string): string | number | ReturnType<typeof parseIp> {
  switch (kind) {
    case "numeric":
      return readNumber(raw);
    case "date":
      return readDate(raw);
    case "ip":
      return readIp(raw);
    case "ignoreCase":
    case "bool":
      return raw.toLowerCase();
    default:
      return raw;
  }
}

function matches(c: CompiledCondition, p: Parsed, v: ReturnType<typeof readContext>): boolean {
  if (p === undefined || (typeof p === "number" && Number.isNaN(p))) return false;
  switch (c.kind) {
    case "like":
      return matchGlob(p as Glob, v as string);
    case "arn":
      return matchArn(p as ArnPattern, v as string);
    case "ip":
      return inCidr(p as Cidr, v as NonNullable<ReturnType<typeof parseIp>>);
    case "numeric":
    case "date":
      return compare(c.cmp, v as number, p as number);
    default:
      return v === p;
  }
}

function compare(cmp: Cmp, a: number, b: number): boolean {
  switch (cmp) {
    case "eq":
      return a === b;
    case "lt":
      return a < b;
    case "le":
      return a <= b;
    case "gt":
      return a > b;
    default:
      return a >= b;
  }
}
