import { positionAt } from "../json";
import { parsePolicy } from "../parse";
import type { Position, Span, Statement } from "../types";
import { compileActions, type ActionMatcher } from "./action-matcher";
import { compileArnPattern, type ArnPattern } from "./arn-pattern";
import { compileConditions, type CompiledCondition } from "./condition";
import { compilePrincipal, type PrincipalMatcher } from "./principal";
import { parseTemplate, type Template } from "./template";
import type { CompiledPolicy, MatchedStatement, PolicyInput } from "./types";

/** One Resource/NotResource value, shared by every statement that names it and remembering its last result. */
export type ResourceEntry = ({ pattern: ArnPattern; template?: undefined } | { pattern?: undefined; template: Template }) & {
  epoch: number;
  result: boolean;
};

export type CompiledStatement = {
  index: number;
  sid?: string;
  effect: "Allow" | "Deny";
  span: Span;
  start: Position;
  end: Position;
  /** The Action or NotAction patterns by service prefix; undefined when the statement has neither. */
  actions?: ActionMatcher;
  notAction: boolean;
  /** Undefined when the statement has neither Resource nor NotResource (trust policies, SCPs): the resource is implied. */
  resources?: ResourceEntry[];
  notResource: boolean;
  principal?: PrincipalMatcher;
  notPrincipal: boolean;
  conditions?: CompiledCondition[];
};

export type PolicyData = { version?: string; statements: CompiledStatement[] };

/** What `CompiledPolicy.compiled` holds: the shared parse, and the statements as results report them, made once. */
export type Internal = { data: PolicyData; reported: MatchedStatement[][] };

const MAX_TEXTS = 2_000;
const byText = new Map<string, { data: PolicyData; byName: Map<string, CompiledPolicy> }>();

/** Parses and prepares a policy once; the same text (and id and name) returns the same compiled policy. */
export function compilePolicy(input: PolicyInput): CompiledPolicy {
  let entry = byText.get(input.text);
  if (!entry) {
    if (byText.size >= MAX_TEXTS) byText.delete(byText.keys().next().value!);
    entry = { data: compileText(input.text), byName: new Map() };
    byText.set(input.text, entry);
  }
  const name = `${input.id}\u0000${input.name}\u0000${input.sourceType ?? ""}`;
  let policy = entry.byName.get(name);
  if (!policy) {
    if (entry.byName.size >= 64) entry.byName.clear();
    const compiled: Internal = { data: entry.data, reported: [] };
    policy = { input, compiled };
    entry.byName.set(name, policy);
  }
  return policy;
}

function compileText(text: string): PolicyData {
  const policy = parsePolicy(text);
  if (!policy) return { statements: [] };
  // Policy variables exist only in Version 2012-10-17; in 2008-10-17 (the default) `${...}` is literal text.
  const variables = policy.Version === "2012-10-17";
  const statements = policy.Statement.flatMap((s) => {
    const c = compileStatement(s, text, variables);
    return c ? [c] : [];
  });
  return { version: policy.Version, statements };
}

function compileStatement(s: Statement, text: string, variables: boolean): CompiledStatement | undefined {
  if (s.Effect !== "Allow" && s.Effect !== "Deny") return undefined;
  const actions = s.Action ?? s.NotAction;
  const resources = s.Resource ?? s.NotResource;
  const principal = s.Principal ?? s.NotPrincipal;
  const out: CompiledStatement = {
    index: s.index,
    effect: s.Effect,
    span: s.span,
    start: positionAt(text, s.span.start),
    end: positionAt(text, s.span.end),
    actions: actions && compileActions(actions),
    notAction: !s.Action && !!s.NotAction,
    resources: resources?.map((r) => resourceEntry(r, variables)),
    notResource: !s.Resource && !!s.NotResource,
    principal: principal && compilePrincipal(principal),
    notPrincipal: !s.Principal && !!s.NotPrincipal,
  };
  if (s.Sid !== undefined) out.sid = s.Sid;
  if (s.Condition && Object.keys(s.Condition).length) out.conditions = compileConditions(s.Condition, variables);
  return out;
}

const entries = new Map<string, ResourceEntry>();

function resourceEntry(r: string, variables: boolean): ResourceEntry {
  const id = `${variables ? "v" : "t"}${r}`;
  let entry = entries.get(id);
  if (!entry) {
    const template = variables ? parseTemplate(r) : undefined;
    entry = template ? { template, epoch: -1, result: false } : { pattern: compileArnPattern(r), epoch: -1, result: false };
    if (entries.size >= 20_000) entries.clear();
    entries.set(id, entry);
  }
  return entry;
}

export const internal = (p: CompiledPolicy) => p.compiled as Internal;
