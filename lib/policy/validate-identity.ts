import { member } from "./json";
import { failsLegacyResourceParsing, resourceFormatError } from "./arn";
import { isLegacyDateValue, parseOperator } from "./conditions";
import { checkShape, listValues, stringMember, type StatementNode } from "./shape";
import type { Finding, JsonNode, JsonObject, ValidateOptions } from "./types";

export const MESSAGES = {
  syntax: "Syntax errors in policy.",
  version: "Policy document must be version 2012-10-17 or greater.",
  principal: "Policy document should not specify a principal.",
  sidFormat: "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*",
  legacy: "The policy failed legacy parsing",
  sidUnique: "Statement IDs (SID) in a single policy must be unique.",
  actions: "Policy statement must contain actions.",
  resources: "Policy statement must contain resources.",
  vendor: "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.",
  colons: "Actions/Condition can contain only one colon.",
};

const TOP_KEYS = ["Version", "Id", "Statement", "Conditions"];

/**
 * IAM's grammar for permissions policies, in the order IAM reports problems (established against AWS by moto's
 * and LocalStack's policy_validation.py): syntax, version, legacy parsing, Sid uniqueness, actions, ARN format,
 * vendors, resources.
 */
export function identityFindings(root: JsonNode, kind: "identity" | "scp", options: ValidateOptions): Finding[] {
  const shape = checkShape(root, { topKeys: TOP_KEYS, message: MESSAGES.syntax });
  if (shape.findings.length) return shape.findings;
  const doc = root as JsonObject;
  const statements = shape.statements;
  const out: Finding[] = [];
  const version = member(doc, "Version");
  if (options.managed && stringMember(doc, "Version") !== "2012-10-17") {
    out.push({ message: MESSAGES.version, path: "Version", span: version?.value.span ?? doc.span });
  }
  for (const { node, path } of statements) {
    for (const key of ["Principal", "NotPrincipal"]) {
      const m = member(node, key);
      if (m) out.push({ message: MESSAGES.principal, path: `${path}.${key}`, span: m.keySpan });
    }
    const sid = member(node, "Sid");
    if (sid?.value.kind === "string" && !/^[0-9A-Za-z]*$/.test(sid.value.value)) {
      out.push({ message: MESSAGES.sidFormat, path: `${path}.Sid`, span: sid.value.span });
    }
  }
  out.push(...legacyFindings(statements));
  const resources = resourceFindings(statements);
  out.push(...resources.legacy, ...sidUniqueness(statements), ...presence(statements, ["Action", "NotAction"], MESSAGES.actions));
  out.push(...resources.format, ...actionFindings(statements));
  if (kind === "identity") out.push(...presence(statements, ["Resource", "NotResource"], MESSAGES.resources));
  return out;
}

function legacyFindings(statements: StatementNode[]): Finding[] {
  const out: Finding[] = [];
  for (const { node, path } of statements) {
    const effect = member(node, "Effect")!.value;
    if (effect.kind === "string" && effect.value !== "Allow" && effect.value !== "Deny") {
      out.push({ message: MESSAGES.legacy, path: `${path}.Effect`, span: effect.span });
    }
    const condition = member(node, "Condition")?.value;
    if (condition?.kind !== "object") continue;
    for (const op of condition.members) {
      if (!parseOperator(op.key).base.startsWith("Date") || op.value.kind !== "object") continue;
      for (const key of op.value.members) {
        const values = key.value.kind === "array" ? key.value.items : [key.value];
        for (const v of values) {
          const text = v.kind === "string" ? v.value : v.kind === "number" ? v.raw : "";
          if (!isLegacyDateValue(text))
            out.push({ message: MESSAGES.legacy, path: `${path}.Condition.${op.key}.${key.key}`, span: v.span });
        }
      }
    }
  }
  return out;
}

/**
 * ARN format errors are reported late (after Sid and action checks), but once one is found IAM stops
 * legacy-parsing resources. Within a statement IAM reports the first offending ARN in sorted order.
 */
export function resourceFindings(statements: StatementNode[]): { format: Finding[]; legacy: Finding[] } {
  const format: Finding[] = [];
  const legacy: Finding[] = [];
  for (const key of ["Resource", "NotResource"]) {
    for (const { node, path } of statements) {
      const values = listValues(node, path, key);
      if (!values) continue;
      const sorted = [...values].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
      for (const v of sorted) {
        const message = resourceFormatError(v.value);
        if (message) format.push({ message, path: v.path, span: v.span });
      }
      if (format.length) continue;
      for (const v of values)
        if (failsLegacyResourceParsing(v.value)) legacy.push({ message: MESSAGES.legacy, path: v.path, span: v.span });
    }
  }
  return { format, legacy };
}

export function sidUniqueness(statements: StatementNode[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const { node, path } of statements) {
    const sid = member(node, "Sid")?.value;
    if (sid?.kind !== "string" || sid.value === "") continue;
    if (seen.has(sid.value)) out.push({ message: MESSAGES.sidUnique, path: `${path}.Sid`, span: sid.span });
    seen.add(sid.value);
  }
  return out;
}

/** Each statement needs one of `keys`, and a list given for it must not be empty. */
function presence(statements: StatementNode[], keys: string[], message: string): Finding[] {
  return statements.flatMap(({ node, path }) => {
    const m = keys.map((k) => member(node, k)).find((x) => x !== undefined);
    if (!m) return [{ message, path, span: node.span }];
    return m.value.kind === "array" && m.value.items.length === 0 ? [{ message, path: `${path}.${m.key}`, span: m.value.span }] : [];
  });
}

export function actionFindings(statements: StatementNode[]): Finding[] {
  const out: Finding[] = [];
  for (const key of ["Action", "NotAction"]) {
    for (const { node, path } of statements) {
      for (const v of listValues(node, path, key) ?? []) {
        const message = actionError(v.value);
        if (message) out.push({ message, path: v.path, span: v.span });
      }
    }
  }
  return out;
}

function actionError(action: string): string | undefined {
  const parts = action.split(":");
  if (parts.length === 1 && parts[0] !== "*") return MESSAGES.vendor;
  if (parts.length > 2) return MESSAGES.colons;
  if (parts[0] !== "*" && /[^a-zA-Z0-9\-.]/.test(parts[0])) return `Vendor ${parts[0]} is not valid`;
  return undefined;
}
