import type { JsonMember, JsonNode, JsonObject, PolicyKind, Span, ValidateOptions } from "../types";
import type { ParsedOperator } from "../conditions";

/** Access Analyzer's finding types, worst first. */
export const FINDING_KINDS = ["ERROR", "SECURITY_WARNING", "WARNING", "SUGGESTION"] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export type TextEdit = { span: Span; text: string };
export type QuickFix = { title: string; edits: TextEdit[] };

/**
 * One finding: `code` is stable (Access Analyzer's issue code where it has one), `message` one line, `span` the
 * exact text it is about, `path` the element (`Statement[0].Action[1]`). Grammar errors keep AWS's wording, with
 * Organizations' specific rule in `detail`.
 */
export type PolicyFinding = {
  kind: FindingKind;
  code: string;
  message: string;
  span: Span;
  path?: string;
  detail?: string;
  learnMoreUrl?: string;
  fix?: QuickFix;
};

/** Which size quota applies: IAM's per policy type, or Organizations' for SCPs and RCPs. */
export type PolicyQuota = "managed" | "user" | "group" | "role" | "trust" | "organizations" | "none";

export type LintOptions = ValidateOptions & {
  /** The quota the size is checked against; by default from the kind (identity: managed, trust, scp/rcp). */
  quota?: PolicyQuota;
  /** The account the policy lives in: an account principal other than it is a third party. */
  accountId?: string;
};

/** A string in a string-or-list element, with where it is. */
export type ValueRef = { value: string; span: Span; path: string; index: number };

/** A string-or-list element (Action, Resource...) as written. */
export type ElementRef = { member: JsonMember; path: string; values: ValueRef[]; isArray: boolean };

/** One condition key under one operator: `"StringEquals": {"aws:SourceVpc": ["vpc-1"]}`. */
export type ConditionRef = {
  operator: string;
  op: ParsedOperator;
  operatorMember: JsonMember;
  key: string;
  keyMember: JsonMember;
  /** Scalars as text (numbers and booleans as written). */
  values: { text: string; node: JsonNode }[];
  path: string;
};

export type StatementRef = {
  node: JsonObject;
  path: string;
  index: number;
  /** The statement in the Statement array (undefined when Statement is one object). */
  inArray: boolean;
  allow: boolean;
  deny: boolean;
  action?: ElementRef;
  notAction?: ElementRef;
  resource?: ElementRef;
  notResource?: ElementRef;
  principal?: JsonMember;
  notPrincipal?: JsonMember;
  condition?: JsonMember;
  conditions: ConditionRef[];
};

export type LintContext = {
  text: string;
  kind: PolicyKind;
  options: LintOptions;
  root: JsonObject;
  statementMember?: JsonMember;
  statements: StatementRef[];
  /** The catalogue's actions a statement's Action names (expanded once; capped, see `expandedActions`). */
  actionsOf: (s: StatementRef) => readonly string[] | undefined;
};

export type Hit = { message: string; span: Span; path?: string; fix?: QuickFix };

/** A check: one code, one kind; `run` returns its findings' hits. `kinds` limits it to some policy kinds. */
export type Check = {
  code: string;
  kind: FindingKind;
  family: string;
  kinds?: readonly PolicyKind[];
  learnMoreUrl?: string;
  run: (ctx: LintContext) => Hit[];
};
