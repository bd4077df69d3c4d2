import { conditionKeysFor, globalConditionKeys, lookupConditionKey, lookupService } from "../../catalogue";
import type { Hit, LintContext, StatementRef, ConditionRef } from "../types";
import { check, nearest } from "./define";

const each = (ctx: LintContext, f: (c: ConditionRef, s: StatementRef) => Hit[]) =>
  ctx.statements.flatMap((s) => s.conditions.flatMap((c) => f(c, s)));
const keyHit = (c: ConditionRef, message: string, extra: Partial<Hit> = {}): Hit => ({
  message,
  span: c.keyMember.keySpan,
  path: c.path,
  ...extra,
});
const prefixOf = (key: string) => key.slice(0, key.indexOf(":")).toLowerCase();

const keyFormat = check(
  "conditions",
  "INVALID_CONDITION_KEY_FORMAT",
  "ERROR",
  (ctx) =>
    each(ctx, (c) =>
      /^[^:\s]+:\S+$/.test(c.key)
        ? []
        : [keyHit(c, `${c.key || '""'} is not a condition key: write it as prefix:key (aws:SourceIp, s3:prefix).`)],
    ),
  { accessAnalyzer: "Invalid condition key format" },
);

const invalidGlobal = check(
  "conditions",
  "INVALID_GLOBAL_CONDITION_KEY",
  "WARNING",
  (ctx) =>
    each(ctx, (c) => {
      if (prefixOf(c.key) !== "aws" || lookupConditionKey(c.key)) return [];
      const guess = nearest(
        c.key,
        globalConditionKeys()
          .map((k) => k.name)
          .filter((k) => !k.includes("$")),
      );
      return [
        keyHit(c, `${c.key} is not an AWS global condition key.${guess ? ` Did you mean ${guess}?` : ""}`, {
          ...(guess ? { fix: { title: `Change to ${guess}`, edits: [{ span: c.keyMember.keySpan, text: JSON.stringify(guess) }] } } : {}),
        }),
      ];
    }),
  { accessAnalyzer: "Invalid global condition key" },
);

const invalidServiceKey = check(
  "conditions",
  "INVALID_SERVICE_CONDITION_KEY",
  "WARNING",
  (ctx) =>
    each(ctx, (c) => {
      const prefix = prefixOf(c.key);
      if (prefix === "aws" || !lookupService(prefix) || lookupConditionKey(c.key)) return [];
      return [keyHit(c, `The service ${prefix} has no condition key ${c.key}.`)];
    }),
  { accessAnalyzer: "Invalid service condition key" },
);

const TAG_KEY = /^[^:]+:(RequestTag|ResourceTag|PrincipalTag)\/?$/i;

const missingTagKey = check(
  "conditions",
  "MISSING_TAG_KEY_IN_CONDITION",
  "ERROR",
  (ctx) =>
    each(ctx, (c) =>
      TAG_KEY.test(c.key) ? [keyHit(c, `${c.key} needs a tag key after the slash: ${c.key.replace(/\/?$/, "/")}<tag-key>.`)] : [],
    ),
  { accessAnalyzer: "Missing tag key in condition" },
);

const keysCache = new Map<string, Set<string>>();
const keysOf = (action: string) => {
  let keys = keysCache.get(action);
  if (!keys) keysCache.set(action, (keys = new Set((conditionKeysFor(action) ?? []).map((k) => k.name.toLowerCase()))));
  return keys;
};

const unsupportedKey = check("conditions", "CONDITION_KEY_NOT_SUPPORTED_BY_ACTIONS", "WARNING", (ctx) =>
  ctx.statements.flatMap((s) => {
    const actions = ctx.actionsOf(s);
    if (!actions?.length) return [];
    return s.conditions.flatMap((c) => {
      const info = lookupConditionKey(c.key);
      if (!info || info.global) return [];
      const name = info.name.toLowerCase();
      if (actions.some((a) => keysOf(a).has(name))) return [];
      const named = actions.length === 1 ? actions[0] : `the statement's ${actions.length} actions`;
      return [keyHit(c, `${c.key} is not supported by ${named}: the condition never matches them.`)];
    });
  }),
);

const duplicateCase = check(
  "conditions",
  "DUPLICATE_KEYS_WITH_DIFFERENT_CASE",
  "ERROR",
  (ctx) =>
    each(ctx, (c) => {
      const siblings = c.operatorMember.value.kind === "object" ? c.operatorMember.value.members : [];
      const first = siblings.find((m) => m.key.toLowerCase() === c.key.toLowerCase());
      return first && first !== c.keyMember && first.key !== c.key
        ? [keyHit(c, `${c.key} and ${first.key} are the same condition key: keys are not case sensitive. Combine their values.`)]
        : [];
    }),
  { accessAnalyzer: "Duplicate keys with different case" },
);

export const CONDITION_CHECKS = [keyFormat, invalidGlobal, invalidServiceKey, missingTagKey, unsupportedKey, duplicateCase];
