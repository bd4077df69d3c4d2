export const CONDITION_OPERATORS = [
  "StringEquals",
  "StringNotEquals",
  "StringEqualsIgnoreCase",
  "StringNotEqualsIgnoreCase",
  "StringLike",
  "StringNotLike",
  "NumericEquals",
  "NumericNotEquals",
  "NumericLessThan",
  "NumericLessThanEquals",
  "NumericGreaterThan",
  "NumericGreaterThanEquals",
  "DateEquals",
  "DateNotEquals",
  "DateLessThan",
  "DateLessThanEquals",
  "DateGreaterThan",
  "DateGreaterThanEquals",
  "Bool",
  "BinaryEquals",
  "IpAddress",
  "NotIpAddress",
  "ArnEquals",
  "ArnLike",
  "ArnNotEquals",
  "ArnNotLike",
  "Null",
];

export type ParsedOperator = { base: string; set?: "ForAnyValue" | "ForAllValues"; ifExists: boolean };

/** Splits `ForAnyValue:StringLikeIfExists` into its set qualifier, base operator and IfExists suffix. */
export function parseOperator(operator: string): ParsedOperator {
  let rest = operator;
  let set: ParsedOperator["set"];
  for (const q of ["ForAnyValue", "ForAllValues"] as const) {
    if (rest.startsWith(`${q}:`)) {
      set = q;
      rest = rest.slice(q.length + 1);
      break;
    }
  }
  const ifExists = rest.endsWith("IfExists");
  return { base: ifExists ? rest.slice(0, -"IfExists".length) : rest, set, ifExists };
}

export const isKnownOperator = (operator: string) => CONDITION_OPERATORS.includes(parseOperator(operator).base);

/** IAM's legacy parser accepts a Date operator value that is an epoch number or an ISO 8601 date-time. */
export function isLegacyDateValue(value: string): boolean {
  const v = value.toLowerCase();
  if (!v.includes("t") && !v.includes("-")) return /^\d+$/.test(v) && BigInt(v) <= 9223372036854775807n;
  return isIsoDateTime(v);
}

const int = (s: string | undefined, min: number, max: number) => s !== undefined && /^[+-]?\d+$/.test(s) && +s >= min && +s <= max;

function isIsoDateTime(v: string): boolean {
  const t = v.indexOf("t");
  const date = t < 0 ? v : v.slice(0, t);
  const time = t < 0 ? "" : v.slice(t + 1);
  const negative = date.startsWith("-");
  const d = (negative ? date.slice(1) : date).split("-");
  if (d.length > 3 || !int((negative ? "-" : "") + d[0], -292275054, 292278993)) return false;
  if (d.length > 1 && !int(d[1], 1, 12)) return false;
  if (d.length > 2 && !int(d[2], 1, 31)) return false;
  const parts = time.split(":");
  if (parts[0] !== "" && !int(parts[0], 0, 23)) return false;
  if (parts.length > 1 && !int(parts[1], 0, 59)) return false;
  if (parts.length < 3) return true;
  return isSeconds(parts.slice(2).join(":"));
}

function isSeconds(s: string): boolean {
  let seconds = s;
  if (s.includes("z")) {
    const [before, after] = [s.slice(0, s.indexOf("z")), s.slice(s.indexOf("z") + 1)];
    if (after !== "") return false;
    seconds = before;
  } else if (s.includes("+")) {
    seconds = s.slice(0, s.indexOf("+"));
    const zone = s.slice(s.indexOf("+") + 1);
    const [hours, minutes] = zone.split(/:(.*)/s);
    if (hours.length !== 2 || !int(hours, 0, 23)) return false;
    if (zone.includes(":") && (minutes.length !== 2 || !int(minutes, 0, 59))) return false;
  }
  const dot = seconds.indexOf(".");
  if (!int(dot < 0 ? seconds : seconds.slice(0, dot), 0, 59)) return false;
  return dot < 0 || int(seconds.slice(dot + 1), 0, 999999999);
}
