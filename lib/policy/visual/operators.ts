import type { ConditionKeyType } from "../catalogue";

const STRING = ["StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike"];
const ARN = ["ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike"];
const NUMERIC = [
  "NumericEquals",
  "NumericNotEquals",
  "NumericLessThan",
  "NumericLessThanEquals",
  "NumericGreaterThan",
  "NumericGreaterThanEquals",
];
const DATE = ["DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals"];

/** The operators that suit a key's type (all of them for a key the catalogue does not know), Null last. */
export function operatorsFor(type: ConditionKeyType | undefined): string[] {
  const base = type?.replace(/^ArrayOf/, "");
  const own =
    base === "ARN"
      ? [...ARN, ...STRING]
      : base === "Numeric"
        ? NUMERIC
        : base === "Date"
          ? DATE
          : base === "Bool"
            ? ["Bool"]
            : base === "IPAddress"
              ? ["IpAddress", "NotIpAddress"]
              : base === "Binary"
                ? ["BinaryEquals"]
                : base === "String"
                  ? STRING
                  : [...STRING, ...ARN, ...NUMERIC, ...DATE, "Bool", "IpAddress", "NotIpAddress", "BinaryEquals"];
  return [...own, "Null"];
}

export const QUALIFIERS = [
  { value: "", label: "Default", description: "The key has one value in the request" },
  { value: "ForAnyValue", label: "For any value in a request", description: "ForAnyValue:" },
  { value: "ForAllValues", label: "For all values in a request", description: "ForAllValues:" },
];
