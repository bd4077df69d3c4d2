import type { Caller, Ctx } from "../context";
import type { PrincipalInfo } from "../../lib/policy/evaluate/types";
import { sql } from "../store/db";
import type { Keys } from "./checks";

export type AuthzPrincipal = { info: PrincipalInfo; keys: Keys };

const isoSeconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * The caller as policies see it, with the principal's global condition keys (its tags come with its policies, see
 * principal-cache.ts). MFA keys follow the IAM User Guide:
 * absent for long-term access keys; for temporary credentials MultiFactorAuthPresent is "true" or "false", and
 * MultiFactorAuthAge (seconds since the MFA sign-in) is present only when MFA was used.
 */
export function principalOf(ctx: Ctx): AuthzPrincipal {
  const c: Caller = ctx.caller;
  const keys: Keys = {
    "aws:PrincipalArn": c.arn,
    "aws:PrincipalAccount": c.accountId,
    "aws:PrincipalType": c.type === "root" ? "Account" : "User",
    "aws:PrincipalIsAWSService": "false",
    "aws:userid": c.userId,
  };
  if (c.type === "user" && c.userName) keys["aws:username"] = c.userName;
  if (c.session) {
    const row = sql(ctx.db, "SELECT create_date FROM sessions WHERE access_key_id = ?").get(c.accessKeyId) as
      { create_date: string } | undefined;
    const issued = row ? new Date(row.create_date) : ctx.now;
    keys["aws:TokenIssueTime"] = isoSeconds(issued);
    keys["aws:MultiFactorAuthPresent"] = String(c.session.mfaAuthenticated);
    if (c.session.mfaAuthenticated)
      keys["aws:MultiFactorAuthAge"] = String(Math.max(0, Math.floor((ctx.now.getTime() - issued.getTime()) / 1000)));
  }
  const kind = c.type === "root" ? "root" : c.type === "user" ? "user" : "assumed-role";
  return { info: { arn: c.arn, account: c.accountId, kind }, keys };
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
