import type { Position, Span } from "../types";

/**
 * The contract of Clef's policy evaluation engine (issue 4). `local-aws` enforcement, the simulator APIs, the
 * console's simulator and effective permissions all call `evaluate` with these shapes; nothing else decides access.
 */

/** A context key's value: numbers, dates, booleans and IPs as text, as AWS serialises them; multi-valued keys as lists. */
export type ContextValue = string | string[];

/** Who is calling. Resource-based policies match `arn` (and `roleArn` for role sessions) against their Principal. */
export type PrincipalInfo = {
  /** The caller's ARN as GetCallerIdentity shows it: `arn:aws:iam::A:user/path/name`, `arn:aws:sts::A:assumed-role/R/S`, `arn:aws:iam::A:root`. */
  arn: string;
  /** The caller's account ID. */
  account: string;
  kind: "root" | "user" | "assumed-role" | "federated-user" | "service" | "anonymous";
  /** Role sessions: the role's ARN (`arn:aws:iam::A:role/path/R`), which resource policies may name instead of the session. */
  roleArn?: string;
  /** IAM federated user sessions (GetFederationToken): the IAM user who federated, which resource policies may name. */
  userArn?: string;
  /** Services (for trust policies: `lambda.amazonaws.com`) and web identity / SAML federation (`Federated` principals). */
  service?: string;
  federated?: string;
};

/** One authorization question: may `principal` perform `action` on `resource` given these context keys? */
export type RequestContext = {
  /** `service:Action` as called, e.g. `iam:CreateUser`; matched case-insensitively. */
  action: string;
  /** The resource's ARN (case-sensitive), or `*` for actions that take no resource. */
  resource: string;
  principal: PrincipalInfo;
  /**
   * Context keys by name, any case (`aws:username`, `aws:PrincipalTag/team`, `iam:PolicyARN`...): names compare
   * case-insensitively, as AWS does. Keys absent from the map are missing (Null: true, ...IfExists matches).
   */
  context: Record<string, ContextValue>;
};

/** Where a policy sits in AWS's evaluation logic. */
export type PolicyLayer = "identity" | "boundary" | "session" | "scp" | "rcp" | "resource";

/** The simulator's SourcePolicyType values (IAM API), kept with each policy so results can name where it came from. */
export type SourcePolicyType = "user" | "group" | "role" | "aws-managed" | "user-managed" | "resource" | "none";

/** A policy as handed to the engine: its text (positions refer to it) and how results should name it. */
export type PolicyInput = {
  /** Stable ID in results: a managed policy's ARN, or e.g. `user/alice/inline/ReadOnly` for an inline one. */
  id: string;
  /** The name a person recognises: the policy name, or `ReadOnly (inline, user alice)`. */
  name: string;
  text: string;
  sourceType?: SourcePolicyType;
};

/** A policy parsed and prepared once (matchers built); reuse it across evaluations. Opaque outside the engine. */
export type CompiledPolicy = {
  readonly input: PolicyInput;
  /** Internal representation; do not rely on its shape outside lib/policy/evaluate. */
  readonly compiled: unknown;
};

export type EvaluationInput = {
  request: RequestContext;
  /** Identity-based policies: attached managed and inline policies of the user (and its groups) or the role. */
  identity: CompiledPolicy[];
  /** The principal's permissions boundary; undefined when it has none. */
  boundary?: CompiledPolicy;
  /** Session policies passed to AssumeRole / GetFederationToken; undefined when the session has none. */
  session?: CompiledPolicy[];
  /**
   * Service control policies, one list per level from the organization root down to the account (each level must
   * allow). Undefined when the account is not in an organization or is its management account (SCPs don't apply).
   */
  scps?: CompiledPolicy[][];
  /**
   * Resource control policies of the resource's account, one list per level from the organization root down to the
   * account (each level must allow; statements match their Principal). Undefined when none apply: the resource's
   * account is outside an organization or its management account, or the service is not one RCPs govern.
   */
  rcps?: CompiledPolicy[][];
  /** The resource-based policy of the target (a role's trust policy for sts:AssumeRole) and the account that owns it. */
  resource?: {
    policy: CompiledPolicy;
    account: string;
    /**
     * The resource-based policy must allow even within the account: IAM role trust policies and KMS key policies
     * ("they must explicitly allow access for principals"). Otherwise a same-account identity-based Allow suffices.
     */
    required?: boolean;
  };
};

export type Decision = "allowed" | "explicitDeny" | "implicitDeny";

/** A statement that took part in a decision, located in its policy's text (the simulator's MatchedStatements). */
export type MatchedStatement = {
  policyId: string;
  policyName: string;
  sourceType?: SourcePolicyType;
  layer: PolicyLayer;
  /** Level index (0 = organization root) for `scp` and `rcp` statements. */
  level?: number;
  sid?: string;
  /** Index in the policy's Statement list. */
  index: number;
  effect: "Allow" | "Deny";
  span: Span;
  start: Position;
  end: Position;
};

/** What one layer said: e.g. the boundary allowed, or no SCP at level 1 allowed. */
export type LayerResult = { layer: PolicyLayer; level?: number; decision: Decision; matched: MatchedStatement[] };

export type EvaluationResult = {
  decision: Decision;
  /** For a deny: the layer whose explicit Deny matched, or the first required layer that allowed nothing. */
  deniedBy?: PolicyLayer;
  /** The deciding statements: the matching Deny statements, or the Allow statements of every layer that had to allow. */
  matched: MatchedStatement[];
  /** Each layer that was consulted, in AWS's order. */
  layers: LayerResult[];
  /** Context keys that statements needed but the request did not have (the simulator's MissingContextValues). */
  missingContextValues: string[];
};
