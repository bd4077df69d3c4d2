/** Offsets into the policy text (UTF-16 code units, `end` exclusive), as the editor and simulator need them. */
export type Span = { start: number; end: number };

/** 1-based line and column of an offset; see `positionAt`. */
export type Position = { line: number; column: number };

export type JsonNode =
  | { kind: "object"; span: Span; members: JsonMember[] }
  | { kind: "array"; span: Span; items: JsonNode[] }
  | { kind: "string"; span: Span; value: string }
  | { kind: "number"; span: Span; value: number; raw: string }
  | { kind: "boolean"; span: Span; value: boolean }
  | { kind: "null"; span: Span };

export type JsonObject = Extract<JsonNode, { kind: "object" }>;
export type JsonMember = { key: string; keySpan: Span; value: JsonNode };

/**
 * identity: user/group/role inline and managed policies, permissions boundaries;
 * trust: a role's AssumeRolePolicyDocument; resource: other resource-based policies;
 * scp: an AWS Organizations service control policy; rcp: an AWS Organizations resource control policy.
 */
export type PolicyKind = "identity" | "trust" | "resource" | "scp" | "rcp";

/**
 * One problem in a policy: `message` is AWS's wording, `path` names the element (`Statement[0].Action[1]`),
 * `detail` says more where AWS's wording is generic (JSON syntax errors, SCPs).
 */
export type Finding = { message: string; path?: string; span?: Span; detail?: string };

export type ValidateOptions = {
  /** Managed policies (CreatePolicy, CreatePolicyVersion) must be Version 2012-10-17; inline ones need not. */
  managed?: boolean;
  /** Trust policies: whether an IAM user or role ARN named as an AWS principal, or a SAML or OIDC provider ARN named as a Federated one, exists (AWS rejects unknown ones). */
  principalExists?: (arn: string) => boolean;
};

/** `"*"` or a map from principal type (`AWS`, `Service`, `Federated`, `CanonicalUser`) to its values. */
export type Principal = "*" | Record<string, string[]>;

/** Operator (`StringEquals`, `ForAnyValue:StringLike`...) to condition key to values (booleans and numbers as text). */
export type ConditionBlock = Record<string, Record<string, string[]>>;

export type Statement = {
  index: number;
  span: Span;
  Sid?: string;
  Effect: string;
  Principal?: Principal;
  NotPrincipal?: Principal;
  Action?: string[];
  NotAction?: string[];
  Resource?: string[];
  NotResource?: string[];
  Condition?: ConditionBlock;
};

export type Policy = { Version?: string; Id?: string; Statement: Statement[]; span: Span };
