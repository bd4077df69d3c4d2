import type { Caller, Ctx } from "../context";
import type { PrincipalInfo } from "../../lib/policy/evaluate/types";
import type { Keys } from "./checks";
import { orgLayers } from "./org-layers";

export type AuthzPrincipal = { info: PrincipalInfo; keys: Keys };

/**
 * aws:PrincipalTag/*: the user's or role's tags, with the session's tags over them ("session tags override a role tag
 * with the same key, regardless of case").
 */
export function principalTags(entityTags: Keys, sessionTags: Caller["sessionTags"]): Keys {
  if (!sessionTags?.length) return entityTags;
  const overridden = new Set(sessionTags.map((t) => t.Key.toLowerCase()));
  const out: Keys = {};
  for (const [k, v] of Object.entries(entityTags)) if (!overridden.has(k.slice("aws:PrincipalTag/".length).toLowerCase())) out[k] = v;
  for (const t of sessionTags) out[`aws:PrincipalTag/${t.Key}`] = t.Value;
  return out;
}

const isoSeconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

const PRINCIPAL_TYPES: Record<Caller["type"], string> = {
  root: "Account",
  user: "User",
  "assumed-role": "AssumedRole",
  "federated-user": "FederatedUser",
  anonymous: "Anonymous",
};

/**
 * The caller as policies see it, with the principal's global condition keys (its tags come with its policies, see
 * principal-cache.ts; session tags are added over them). aws:PrincipalArn names a role session's role, as AWS does.
 * MFA keys follow the IAM User Guide: absent for long-term access keys; for temporary credentials
 * MultiFactorAuthPresent is "true" or "false", and MultiFactorAuthAge (seconds since the MFA) only when MFA was used.
 */
export function principalOf(ctx: Ctx): AuthzPrincipal {
  const c: Caller = ctx.caller;
  const keys: Keys = {
    "aws:PrincipalArn": c.role?.arn ?? c.arn,
    "aws:PrincipalAccount": c.accountId,
    "aws:PrincipalType": PRINCIPAL_TYPES[c.type],
    "aws:PrincipalIsAWSService": "false",
    "aws:userid": c.userId,
  };
  if (c.type === "user" && c.userName) keys["aws:username"] = c.userName;
  if (c.sourceIdentity) keys["aws:SourceIdentity"] = c.sourceIdentity;
  const org = orgLayers(ctx.db, c.accountId);
  if (org) {
    keys["aws:PrincipalOrgID"] = org.orgId;
    keys["aws:PrincipalOrgPaths"] = [org.orgPath];
  }
  if (c.session) {
    keys["aws:TokenIssueTime"] = c.session.issued;
    keys["aws:MultiFactorAuthPresent"] = String(c.session.mfaAuthenticated);
    if (c.session.mfaAuthenticated) {
      const since = new Date(c.session.mfaTime ?? c.session.issued).getTime();
      keys["aws:MultiFactorAuthAge"] = String(Math.max(0, Math.floor((ctx.now.getTime() - since) / 1000)));
    }
  }
  const kind = c.type;
  const info: PrincipalInfo = { arn: c.arn, account: c.accountId, kind };
  if (c.role) info.roleArn = c.role.arn;
  if (c.federatedBy?.userId) info.userArn = c.federatedBy.arn;
  return { info, keys };
}

/** Keys every request carries, whoever calls. */
export function requestKeys(ctx: Ctx): Keys {
  return {
    "aws:CurrentTime": isoSeconds(ctx.now),
    "aws:EpochTime": String(Math.floor(ctx.now.getTime() / 1000)),
    "aws:SourceIp": ctx.sourceIp,
    "aws:SecureTransport": "false",
    "aws:RequestedRegion": ctx.region,
    "aws:ViaAWSService": "false",
  };
}
