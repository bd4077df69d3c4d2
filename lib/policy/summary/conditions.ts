import type { ConditionBlock } from "../types";

/** "ForAnyValue:StringEqualsIfExists" → "for any value: string equals if exists", as the console spells operators. */
export const operatorWords = (operator: string) =>
  operator
    .split(":")
    .map((part) => part.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase())
    .join(": ");

/** One text per condition key, "aws:SourceIp | ip address | 203.0.113.0/24", in the order the policy writes them. */
export function conditionTexts(block: ConditionBlock | undefined): string[] {
  if (!block) return [];
  return Object.entries(block).flatMap(([operator, keys]) =>
    Object.entries(keys).map(([key, values]) => `${key} | ${operatorWords(operator)} | ${values.join(", ")}`),
  );
}
