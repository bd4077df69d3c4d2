import { member } from "../../json";
import { removeItem, replaceString } from "../edits";
import type { Hit, LintContext, StatementRef } from "../types";
import type { JsonNode } from "../../types";
import { check } from "./define";

const VERSION_URL = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html";

/** Where grammar already demands 2012-10-17 (managed policies, RCPs), a version finding would repeat it. */
const versionRequired = (ctx: LintContext) => (ctx.kind === "identity" && ctx.options.managed) || ctx.kind === "rcp";

const missingVersion = check(
  "structure",
  "MISSING_VERSION",
  "WARNING",
  (ctx) => {
    if (member(ctx.root, "Version") || versionRequired(ctx)) return [];
    const first = ctx.root.members[0];
    const at = first?.keySpan.start ?? ctx.root.span.start + 1;
    const lineStart = ctx.text.lastIndexOf("\n", at - 1) + 1;
    const indent = ctx.text.slice(lineStart, at);
    const separator = first ? (/^\s*$/.test(indent) && lineStart > ctx.root.span.start ? `,\n${indent}` : ", ") : "";
    return [
      {
        message: 'Without "Version": "2012-10-17" the policy is read as version 2008-10-17, which has no policy variables.',
        span: { start: ctx.root.span.start, end: ctx.root.span.start + 1 },
        path: "Version",
        fix: {
          title: 'Add "Version": "2012-10-17"',
          edits: [{ span: { start: at, end: at }, text: `"Version": "2012-10-17"${separator}` }],
        },
      },
    ];
  },
  { accessAnalyzer: "Missing version" },
);

const oldVersion = check(
  "structure",
  "OLD_VERSION",
  "WARNING",
  (ctx) => {
    const v = member(ctx.root, "Version")?.value;
    if (v?.kind !== "string" || v.value !== "2008-10-17") return [];
    return [
      {
        message: "Version 2008-10-17 is the old policy language: it has no policy variables. Use 2012-10-17.",
        span: v.span,
        path: "Version",
        fix: replaceString('Use "Version": "2012-10-17"', v.span, "2012-10-17"),
      },
    ];
  },
  { learnMoreUrl: VERSION_URL },
);

/** Resource and condition values, where policy variables may appear. */
function variableSites(s: StatementRef): { text: string; node: JsonNode | { span: Hit["span"] }; path: string }[] {
  const resources = [s.resource, s.notResource].flatMap((e) =>
    (e?.values ?? []).map((v) => ({ text: v.value, node: { span: v.span }, path: v.path })),
  );
  const conditions = s.conditions.flatMap((c) => c.values.map((v) => ({ text: v.text, node: v.node, path: c.path })));
  return [...resources, ...conditions];
}

const variableVersion = check(
  "structure",
  "VARIABLE_UNSUPPORTED_IN_VERSION",
  "ERROR",
  (ctx) => {
    const v = member(ctx.root, "Version")?.value;
    if (v?.kind === "string" && v.value === "2012-10-17") return [];
    return ctx.statements.flatMap((s) =>
      variableSites(s)
        .filter((site) => /\$\{[^}]+\}/.test(site.text))
        .map((site) => ({
          message: 'Policy variables need "Version": "2012-10-17": here ${...} is plain text.',
          span: site.node.span,
          path: site.path,
        })),
    );
  },
  { accessAnalyzer: "Variable unsupported in version" },
);

const variableSyntax = (code: string, title: string, bad: RegExp, message: string) =>
  check(
    "structure",
    code,
    "ERROR",
    (ctx) =>
      ctx.statements.flatMap((s) =>
        variableSites(s)
          .filter((site) => bad.test(site.text))
          .map((site) => ({ message, span: site.node.span, path: site.path })),
      ),
    { accessAnalyzer: title },
  );

const missingBrace = variableSyntax(
  "MISSING_BRACE_IN_VARIABLE",
  "Missing brace in variable",
  /\$\{[^}]*$/,
  "A policy variable is missing its closing brace: ${aws:username}.",
);
const emptyVariable = variableSyntax("EMPTY_VARIABLE", "Empty variable", /\$\{\s*\}/, "${} names no policy variable.");
const spaceInVariable = variableSyntax(
  "UNSUPPORTED_SPACE_IN_VARIABLE",
  "Unsupported space in variable",
  /\$\{[^}]*\s[^}]*\}/,
  "Policy variables cannot contain spaces: ${aws:username}, not ${ aws:username }.",
);

/** A statement's text as a canonical value (keys sorted, Sid left out), to compare statements. */
function canonical(text: string, s: StatementRef): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v && typeof v === "object"
        ? Object.fromEntries(
            Object.entries(v)
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([k, x]) => [k, sort(x)]),
          )
        : v;
  const value = JSON.parse(text.slice(s.node.span.start, s.node.span.end)) as Record<string, unknown>;
  delete value.Sid;
  return JSON.stringify(sort(value));
}

const redundantStatement = check(
  "structure",
  "REDUNDANT_STATEMENT",
  "SUGGESTION",
  (ctx) => {
    const seen = new Map<string, StatementRef>();
    const array = ctx.statementMember?.value;
    return ctx.statements.flatMap((s): Hit[] => {
      const key = canonical(ctx.text, s);
      const first = seen.get(key);
      if (!first) {
        seen.set(key, s);
        return [];
      }
      const fix = array?.kind === "array" ? { fix: { title: "Remove this statement", edits: [removeItem(array, s.index)] } } : {};
      return [{ message: `This statement repeats ${first.path}: it adds nothing.`, span: s.node.span, path: s.path, ...fix }];
    });
  },
  { accessAnalyzer: "Redundant statement" },
);

export const STRUCTURE_CHECKS = [
  missingVersion,
  oldVersion,
  variableVersion,
  missingBrace,
  emptyVariable,
  spaceInVariable,
  redundantStatement,
];
