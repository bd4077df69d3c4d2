import { lookupConditionKey, type ConditionKeyType } from "../../catalogue";
import { member } from "../../json";
import type { Hit, LintContext, StatementRef, ConditionRef } from "../types";
import { check } from "./define";

const each = (ctx: LintContext, f: (c: ConditionRef, s: StatementRef) => Hit[]) =>
  ctx.statements.flatMap((s) => s.conditions.flatMap((c) => f(c, s)));
const operatorHit = (c: ConditionRef, message: string, extra: Partial<Hit> = {}): Hit => ({
  message,
  span: c.operatorMember.keySpan,
  path: c.path,
  ...extra,
});
const valueHits = (c: ConditionRef, bad: (v: string) => boolean, message: (v: string) => string): Hit[] =>
  c.values.filter((v) => bad(v.text)).map((v) => ({ message: message(v.text), span: v.node.span, path: c.path }));
const keyType = (c: ConditionRef): ConditionKeyType | undefined => lookupConditionKey(c.key)?.type;
const isVariable = (v: string) => v.includes("${");

/** The operator family each key type takes (String operators also take ARN keys). */
const FAMILIES: Record<string, string[]> = {
  String: ["String", "ARN"],
  Arn: ["ARN"],
  Numeric: ["Numeric"],
  Date: ["Date"],
  Bool: ["Bool"],
  Binary: ["Binary"],
  IpAddress: ["IPAddress"],
};
const familyOf = (base: string) => (base === "NotIpAddress" ? "IpAddress" : Object.keys(FAMILIES).find((f) => base.startsWith(f)));
const OPERATOR_FOR: Record<string, string> = {
  String: "String",
  ARN: "Arn or String",
  Numeric: "Numeric",
  Date: "Date",
  Bool: "Bool",
  Binary: "BinaryEquals",
  IPAddress: "IpAddress",
};

const typeMismatch = check(
  "condition-values",
  "TYPE_MISMATCH",
  "WARNING",
  (ctx) =>
    each(ctx, (c) => {
      const type = keyType(c)?.replace(/^ArrayOf/, "");
      const family = familyOf(c.op.base);
      if (!type || !family || FAMILIES[family].includes(type)) return [];
      return [operatorHit(c, `${c.key} is of type ${type}: use ${OPERATOR_FOR[type]} operators, not ${c.op.base}.`)];
    }),
  { accessAnalyzer: "Type mismatch" },
);

const BOOLEAN = /^(true|false)$/i;

const booleanValue = check(
  "condition-values",
  "TYPE_MISMATCH_BOOLEAN",
  "WARNING",
  (ctx) =>
    each(ctx, (c) =>
      c.op.base === "Bool" || c.op.base === "Null"
        ? valueHits(
            c,
            (v) => !BOOLEAN.test(v) && !isVariable(v),
            (v) => `${c.op.base} takes "true" or "false", not "${v}".`,
          )
        : [],
    ),
  { accessAnalyzer: "Type mismatch Boolean" },
);

const numberValue = check(
  "condition-values",
  "TYPE_MISMATCH_NUMBER",
  "WARNING",
  (ctx) =>
    each(ctx, (c) =>
      c.op.base.startsWith("Numeric")
        ? valueHits(
            c,
            (v) => !/^-?\d+(\.\d+)?$/.test(v) && !isVariable(v),
            (v) => `${c.op.base} takes a number, not "${v}".`,
          )
        : [],
    ),
  { accessAnalyzer: "Type mismatch number" },
);

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}(\/(3[0-2]|[12]?\d))?$/;
const IPV6 = /^[0-9a-f:]*:[0-9a-f:.]*(\/(12[0-8]|1[01]\d|[1-9]?\d))?$/i;

const ipValue = check(
  "condition-values",
  "TYPE_MISMATCH_IP_RANGE",
  "WARNING",
  (ctx) =>
    each(ctx, (c) =>
      familyOf(c.op.base) === "IpAddress"
        ? valueHits(
            c,
            (v) => !IPV4.test(v) && !IPV6.test(v) && !isVariable(v),
            (v) => `${c.op.base} takes an IP address or CIDR range (203.0.113.0/24), not "${v}".`,
          )
        : [],
    ),
  { accessAnalyzer: "Type mismatch IP range" },
);

const multipleBoolean = check(
  "condition-values",
  "INVALID_CONDITION_MULTIPLE_BOOLEAN",
  "ERROR",
  (ctx) =>
    each(ctx, (c) => {
      const values = new Set(c.values.map((v) => v.text.toLowerCase()));
      return c.op.base === "Bool" && values.has("true") && values.has("false")
        ? [
            {
              message: `${c.key} is given both true and false: the condition always matches when the key is present.`,
              span: c.keyMember.value.span,
              path: c.path,
            },
          ]
        : [];
    }),
  { accessAnalyzer: "Invalid condition multiple Boolean" },
);

const nullIfExists = check(
  "condition-values",
  "NULL_WITH_IF_EXISTS",
  "ERROR",
  (ctx) =>
    each(ctx, (c) =>
      c.op.base === "Null" && c.op.ifExists
        ? [
            operatorHit(c, "NullIfExists does not exist: Null itself tests whether the key is present. Use Null.", {
              fix: {
                title: "Change to Null",
                edits: [{ span: c.operatorMember.keySpan, text: JSON.stringify(c.operator.replace(/IfExists$/, "")) }],
              },
            }),
          ]
        : [],
    ),
  { accessAnalyzer: "Null with if exists" },
);

const nullQualifier = check(
  "condition-values",
  "NULL_WITH_QUALIFIER",
  "WARNING",
  (ctx) =>
    each(ctx, (c) =>
      c.op.base === "Null" && c.op.set
        ? [operatorHit(c, `${c.op.set}: has no meaning with Null, which tests only whether ${c.key} is present.`)]
        : [],
    ),
  { accessAnalyzer: "Null with qualifier" },
);

const onlyStar = (c: ConditionRef) => c.values.length === 1 && c.values[0].text === "*" && !c.op.set && !c.op.ifExists;

const nullFalse = check(
  "condition-values",
  "EQUIVALENT_TO_NULL_FALSE",
  "SUGGESTION",
  (ctx) =>
    each(ctx, (c) =>
      c.op.base === "StringLike" && onlyStar(c)
        ? [operatorHit(c, `StringLike "*" only tests that ${c.key} is present: write {"Null": {"${c.key}": "false"}}.`)]
        : [],
    ),
  { accessAnalyzer: "Equivalent to null false" },
);

const nullTrue = check(
  "condition-values",
  "EQUIVALENT_TO_NULL_TRUE",
  "SUGGESTION",
  (ctx) =>
    each(ctx, (c) =>
      c.op.base === "StringNotLike" && onlyStar(c)
        ? [operatorHit(c, `StringNotLike "*" only tests that ${c.key} is absent: write {"Null": {"${c.key}": "true"}}.`)]
        : [],
    ),
  { accessAnalyzer: "Equivalent to null true" },
);

const singleValued = (c: ConditionRef) => {
  const type = keyType(c);
  return type !== undefined && !type.startsWith("ArrayOf");
};

const forAllSingle = check(
  "condition-values",
  "FORALLVALUES_WITH_SINGLE_VALUED_KEY",
  "SECURITY_WARNING",
  (ctx) =>
    each(ctx, (c) =>
      c.op.set === "ForAllValues" && c.op.base !== "Null" && singleValued(c)
        ? [operatorHit(c, `ForAllValues with the single-valued key ${c.key} also matches when the key is absent: remove ForAllValues:.`)]
        : [],
    ),
  { accessAnalyzer: "ForAllValues with single valued key" },
);

const forAnySingle = check("condition-values", "FORANYVALUE_WITH_SINGLE_VALUED_KEY", "WARNING", (ctx) =>
  each(ctx, (c) =>
    c.op.set === "ForAnyValue" && c.op.base !== "Null" && singleValued(c)
      ? [operatorHit(c, `${c.key} has one value: ForAnyValue: adds nothing; remove it.`)]
      : [],
  ),
);

const withoutQualifier = check("condition-values", "MULTI_VALUED_KEY_WITHOUT_QUALIFIER", "WARNING", (ctx) =>
  each(ctx, (c) =>
    !c.op.set && c.op.base !== "Null" && keyType(c)?.startsWith("ArrayOf")
      ? [operatorHit(c, `${c.key} can have several values: say ForAnyValue: or ForAllValues: to choose how they are compared.`)]
      : [],
  ),
);

const forAllAllow = check("condition-values", "FORALLVALUES_WITH_ALLOW", "SECURITY_WARNING", (ctx) =>
  ctx.statements.flatMap((s) => {
    if (!s.allow || s.condition?.value.kind !== "object") return [];
    const condition = s.condition.value;
    const nulls = new Set(s.conditions.filter((c) => c.op.base === "Null").map((c) => c.key.toLowerCase()));
    return s.conditions.flatMap((c) => {
      if (c.op.set !== "ForAllValues" || c.op.base === "Null" || nulls.has(c.key.toLowerCase())) return [];
      const fix = member(condition, "Null")
        ? undefined
        : {
            title: `Require ${c.key} to be present`,
            edits: [
              {
                span: { start: condition.span.start + 1, end: condition.span.start + 1 },
                text: `"Null": {${JSON.stringify(c.key)}: "false"}, `,
              },
            ],
          };
      return [
        operatorHit(
          c,
          `ForAllValues also matches a request without ${c.key}: in an Allow, add {"Null": {"${c.key}": "false"}}.`,
          fix ? { fix } : {},
        ),
      ];
    });
  }),
);

const LIKE: Record<string, string> = {
  StringEquals: "StringLike",
  StringNotEquals: "StringNotLike",
  ArnEquals: "ArnLike",
  ArnNotEquals: "ArnNotLike",
};

const wildcardWithoutLike = check(
  "condition-values",
  "WILDCARD_WITHOUT_LIKE_OPERATOR",
  "WARNING",
  (ctx) =>
    ctx.statements.flatMap((s) =>
      s.conditions.flatMap((c) => {
        const like = LIKE[c.op.base];
        const wild = c.values.find((v) => /[*?]/.test(v.text.replace(/\$\{[*?$]\}/g, "")));
        if (!like || !wild) return [];
        const renamed = c.operator.replace(c.op.base, like);
        const taken = s.condition?.value.kind === "object" && member(s.condition.value, renamed);
        return [
          {
            message: `${c.op.base} compares "${wild.text}" literally: to match with wildcards use ${like}.`,
            span: wild.node.span,
            path: c.path,
            ...(taken
              ? {}
              : {
                  fix: {
                    title: `Change ${c.operator} to ${renamed}`,
                    edits: [{ span: c.operatorMember.keySpan, text: JSON.stringify(renamed) }],
                  },
                }),
          },
        ];
      }),
    ),
  { accessAnalyzer: "Wildcard without like operator" },
);

const PRIVATE = [/^10\./, /^172\.(1[6-9]|2\d|3[01])\./, /^192\.168\./, /^f[cd][0-9a-f]{2}:/i];
const isPrivate = (v: string) => PRIVATE.some((re) => re.test(v));

const privateIp = (code: string, base: string, title: string) =>
  check(
    "condition-values",
    code,
    "ERROR",
    (ctx) =>
      each(ctx, (c) =>
        c.op.base === base && c.key.toLowerCase() === "aws:sourceip"
          ? valueHits(
              c,
              isPrivate,
              (v) => `aws:SourceIp holds public addresses only: the private range ${v} never matches. Use aws:VpcSourceIp.`,
            )
          : [],
      ),
    { accessAnalyzer: title },
  );

export const CONDITION_VALUE_CHECKS = [
  typeMismatch,
  booleanValue,
  numberValue,
  ipValue,
  multipleBoolean,
  nullIfExists,
  nullQualifier,
  nullFalse,
  nullTrue,
  forAllSingle,
  forAnySingle,
  withoutQualifier,
  forAllAllow,
  wildcardWithoutLike,
  privateIp("PRIVATE_IP_ADDRESS", "IpAddress", "Private IP address"),
  privateIp("PRIVATE_NOT_IP_ADDRESS", "NotIpAddress", "Private NotIpAddress"),
];
