import type { Ctx } from "../context";
import { accessDenied, validationError } from "../protocol/errors";
import { sql } from "../store/db";
import { compilePolicy, type CompiledPolicy } from "../../lib/policy/evaluate";
import { isRoleArn, roleByArn } from "../sts/role-sessions";
import { verifyMfa } from "../sts/mfa";
import type { ActionRule } from "./actions";
import { checkOn, requestTags, type Check, type Keys } from "./checks";
import { account, type Target } from "./targets";

const trustCache = new Map<string, CompiledPolicy>();

/** A role's trust policy, compiled once per text. */
function trustPolicy(roleArn: string, text: string): CompiledPolicy {
  let c = trustCache.get(text);
  if (!c) {
    if (trustCache.size > 2000) trustCache.clear();
    c = compilePolicy({ id: roleArn, name: "role trust policy", text, sourceType: "resource" });
    trustCache.set(text, c);
  }
  return c;
}

/** A role that doesn't exist trusts nobody, so a missing role is refused exactly like an untrusting one. */
const NO_TRUST = compilePolicy({
  id: "none",
  name: "role trust policy",
  text: '{"Version":"2012-10-17","Statement":[]}',
  sourceType: "resource",
});

type AssumeRoleInput = {
  RoleArn: string;
  RoleSessionName: string;
  ExternalId?: string;
  SerialNumber?: string;
  TokenCode?: string;
  SourceIdentity?: string;
  Tags?: { Key: string; Value?: string }[];
  TransitiveTagKeys?: string[];
};

/**
 * sts:AssumeRole on the role, judged with its trust policy as the resource-based policy (which must allow even within
 * the account) and the role account's RCPs; sts:TagSession when the request carries tags and sts:SetSourceIdentity
 * when it sets a source identity, under the same trust policy. The root user is refused outright, as AWS does.
 */
function assumeRole(i: AssumeRoleInput, ctx: Ctx): Check[] {
  const { caller } = ctx;
  if (caller.type === "root") throw accessDenied("Roles may not be assumed by root accounts.");
  if (!isRoleArn(i.RoleArn)) throw validationError(`${i.RoleArn} is invalid`);
  const role = roleByArn(ctx.db, i.RoleArn);
  const roleAccount = i.RoleArn.split(":")[4];
  const mfa = verifyMfa(ctx, caller, i.SerialNumber, i.TokenCode);
  const keys: Keys = { "sts:RoleSessionName": i.RoleSessionName };
  if (i.ExternalId !== undefined) keys["sts:ExternalId"] = i.ExternalId;
  if (i.SourceIdentity !== undefined) keys["sts:SourceIdentity"] = i.SourceIdentity;
  if (i.TransitiveTagKeys?.length) keys["sts:TransitiveTagKeys"] = i.TransitiveTagKeys;
  if (mfa) {
    keys["aws:MultiFactorAuthPresent"] = "true";
    keys["aws:MultiFactorAuthAge"] = "0";
  }
  const tags = role
    ? (sql(ctx.db, "SELECT key, value FROM tags WHERE resource_type = 'role' AND resource_id = ? ORDER BY seq").all(role.role_id) as {
        key: string;
        value: string;
      }[])
    : [];
  const target: Target = { arn: role?.arn ?? i.RoleArn, display: role?.arn ?? i.RoleArn, tags };
  const trust = { policy: role ? trustPolicy(role.arn, role.assume_role_policy) : NO_TRUST, account: roleAccount, required: true };
  const under = (action: string, extra: Keys = {}): Check => ({
    ...checkOn(action, target, { ...keys, ...extra }),
    resource: trust,
    rcpAccount: roleAccount,
    bareResourceDenial: true,
  });
  const checks = [under("sts:AssumeRole")];
  if (i.Tags?.length) checks.push(under("sts:TagSession", requestTags(i.Tags)));
  if (i.SourceIdentity !== undefined && caller.sourceIdentity === undefined) checks.push(under("sts:SetSourceIdentity"));
  return checks;
}

const federatedUser = (ctx: Ctx, name: string): Target => {
  const arn = `arn:aws:sts::${ctx.accountId}:federated-user/${name}`;
  return { arn, display: arn };
};

/**
 * STS: GetCallerIdentity needs no permission, and "you cannot use policies to control" GetSessionToken (IAM User
 * Guide, Permissions for GetSessionToken): neither is evaluated. AssumeRoleWithWebIdentity and AssumeRoleWithSAML are
 * unsigned: their handlers judge the trust policy for the federated identity.
 */
export const stsRules: Record<string, ActionRule> = {
  GetCallerIdentity: () => [],
  GetSessionToken: () => [],
  AssumeRole: assumeRole,
  AssumeRoleWithWebIdentity: () => [],
  AssumeRoleWithSAML: () => [],
  GetFederationToken: (i, ctx) => [checkOn("sts:GetFederationToken", federatedUser(ctx, i.Name), requestTags(i.Tags))],
  GetAccessKeyInfo: () => [checkOn("sts:GetAccessKeyInfo", account)],
  DecodeAuthorizationMessage: () => [checkOn("sts:DecodeAuthorizationMessage", account)],
  AssumeRoot: (i) => {
    const arn = `arn:aws:iam::${i.TargetPrincipal}:root`;
    return [checkOn("sts:AssumeRoot", { arn, display: arn }, { "sts:TaskPolicyArn": i.TaskPolicyArn })];
  },
  GetDelegatedAccessToken: () => [],
  GetWebIdentityToken: () => [checkOn("sts:GetWebIdentityToken", account)],
};
