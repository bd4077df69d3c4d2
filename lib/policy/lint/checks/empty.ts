import { member } from "../../json";
import { removeMember } from "../edits";
import type { Hit, LintContext, StatementRef } from "../types";
import type { JsonMember } from "../../types";
import { check } from "./define";

const emptyArray = (m: JsonMember | undefined) => m?.value.kind === "array" && m.value.items.length === 0;

const emptyElement = (key: "Action" | "NotAction" | "Resource" | "NotResource", code: string, title: string, effect: string) =>
  check(
    "empty",
    code,
    "SUGGESTION",
    (ctx) =>
      ctx.statements.flatMap((s) => {
        const m = member(s.node, key);
        return emptyArray(m) ? [{ message: `${key} is an empty list: ${effect}`, span: m!.value.span, path: `${s.path}.${key}` }] : [];
      }),
    { accessAnalyzer: title },
  );

const principalEntries = (s: StatementRef) => {
  const v = s.principal?.value ?? s.notPrincipal?.value;
  return v?.kind === "object" ? v.members : [];
};

const emptyPrincipalArray = check(
  "empty",
  "EMPTY_ARRAY_PRINCIPAL",
  "SUGGESTION",
  (ctx) =>
    ctx.statements.flatMap((s) =>
      principalEntries(s)
        .filter(emptyArray)
        .map((m) => ({
          message: `The ${m.key} principal list is empty: it names no one.`,
          span: m.value.span,
          path: `${s.path}.Principal.${m.key}`,
        })),
    ),
  { accessAnalyzer: "Empty array principal" },
);

const emptyPrincipalObject = check(
  "empty",
  "EMPTY_OBJECT_PRINCIPAL",
  "SUGGESTION",
  (ctx) =>
    ctx.statements.flatMap((s) => {
      const m = s.principal ?? s.notPrincipal;
      return m?.value.kind === "object" && m.value.members.length === 0
        ? [{ message: `${m.key} is an empty object: it names no one.`, span: m.keySpan, path: `${s.path}.${m.key}` }]
        : [];
    }),
  { accessAnalyzer: "Empty object principal" },
);

const emptyConditionArray = check(
  "empty",
  "EMPTY_ARRAY_CONDITION",
  "SUGGESTION",
  (ctx) =>
    ctx.statements.flatMap((s) =>
      s.conditions
        .filter((c) => emptyArray(c.keyMember))
        .map((c) => ({
          message: `${c.key} is given no values: the condition never matches (or always, with a Not or IfExists operator).`,
          span: c.keyMember.value.span,
          path: c.path,
        })),
    ),
  { accessAnalyzer: "Empty array condition" },
);

const emptyConditionObject = check(
  "empty",
  "EMPTY_OBJECT_CONDITION",
  "SUGGESTION",
  (ctx: LintContext) =>
    ctx.statements.flatMap((s): Hit[] => {
      const c = s.condition;
      if (c?.value.kind !== "object") return [];
      if (c.value.members.length === 0) {
        return [
          {
            message: "Condition is empty: it has no effect.",
            span: c.value.span,
            path: `${s.path}.Condition`,
            fix: { title: "Remove Condition", edits: [removeMember(s.node, c)] },
          },
        ];
      }
      const condition = c.value;
      return condition.members
        .filter((op) => op.value.kind === "object" && op.value.members.length === 0)
        .map((op) => ({
          message: `${op.key} has no condition keys: it has no effect.`,
          span: op.value.span,
          path: `${s.path}.Condition.${op.key}`,
          fix: { title: `Remove ${op.key}`, edits: [removeMember(condition, op)] },
        }));
    }),
  { accessAnalyzer: "Empty object condition" },
);

const emptySid = check(
  "empty",
  "EMPTY_SID_VALUE",
  "SUGGESTION",
  (ctx) =>
    ctx.statements.flatMap((s) => {
      const m = member(s.node, "Sid");
      return m?.value.kind === "string" && m.value.value === ""
        ? [
            {
              message: "The Sid is empty: remove it or name the statement.",
              span: m.value.span,
              path: `${s.path}.Sid`,
              fix: { title: "Remove Sid", edits: [removeMember(s.node, m)] },
            },
          ]
        : [];
    }),
  { accessAnalyzer: "Empty Sid value" },
);

export const EMPTY_CHECKS = [
  emptyElement("Action", "EMPTY_ARRAY_ACTION", "Empty array action", "the statement grants or denies nothing."),
  emptyElement("NotAction", "EMPTY_ARRAY_NOT_ACTION", "Empty array not action", "the statement applies to every action."),
  emptyElement("Resource", "EMPTY_ARRAY_RESOURCE", "Empty array resource", "the statement applies to no resource."),
  emptyElement("NotResource", "EMPTY_ARRAY_NOT_RESOURCE", "Empty array not resource", "the statement applies to every resource."),
  emptyPrincipalArray,
  emptyPrincipalObject,
  emptyConditionArray,
  emptyConditionObject,
  emptySid,
];
