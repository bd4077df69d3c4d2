import type { AccessLevel } from "../catalogue";
import type { RequestContext } from "../evaluate/types";

/** Which document is compared: identity (and permissions boundaries), a role's trust policy, an SCP or an RCP. */
export type NewAccessKind = "identity" | "trust" | "scp" | "rcp";

/**
 * One concrete request the new document allows and the existing one does not, both decided by `evaluate`.
 * `actions` is the group the request stands for: every one of them matches the same Action patterns, so each is
 * decided the same way for this resource and context.
 */
export type NewAccessWitness = {
  request: RequestContext;
  /** `request.action` first. */
  actions: readonly string[];
  accessLevel?: AccessLevel;
  /** "s3:PutObject and 12 more Write actions". */
  summary: string;
  /** Trust policies and RCPs: who calls, as a person reads it ("Another account (444455556666)"). */
  principal?: string;
};

export type CheckResult = { result: "PASS" | "FAIL"; witnesses: NewAccessWitness[] };

export type CheckOptions = {
  /** The account the policy belongs to (the role's, for a trust policy); sample requests are made in it. */
  account?: string;
  /** Trust policies: the role whose trust policy it is. */
  roleArn?: string;
};

/** Access Analyzer's CheckAccessNotGranted "access": actions (patterns allowed), resources, or both. */
export type AccessToCheck = { actions?: string[]; resources?: string[] };
