import type { Caller, Ctx } from "../context";
import { AwsError } from "../protocol/errors";
import { invalidToken } from "../protocol/sigv4";
import { accessDeniedMessage, compilePolicy, evaluate, type EvaluationResult, type RequestContext } from "../../lib/policy/evaluate";
import { rulesByService } from "./actions";
import type { Check, Keys } from "./checks";
import { principalData } from "./principal-cache";
import { principalOf, principalTags, requestKeys } from "./principal";
import { orgLayers } from "./org-layers";
import { sessionPoliciesOf } from "./session-policies";
import { selfServicePolicy } from "./self-service";

/** The keys a check's resource contributes: its existing tags, the account that owns it and that account's organization. */
function resourceKeys(ctx: Ctx, check: Check): Keys {
  const { target } = check;
  const keys: Keys = {};
  const account = /^arn:aws:[^:]*:[^:]*:(\d{12}):/.exec(target.arn)?.[1];
  if (account) {
    keys["aws:ResourceAccount"] = account;
    const org = orgLayers(ctx.db, account);
    if (org) {
      keys["aws:ResourceOrgID"] = org.orgId;
      keys["aws:ResourceOrgPaths"] = [org.orgPath];
    }
  }
  for (const t of target.tags ?? []) {
    keys[`aws:ResourceTag/${t.key}`] = t.value;
    if (target.iamTags) keys[`iam:ResourceTag/${t.key}`] = t.value;
  }
  return keys;
}

/** SCPs don't apply to service-linked roles ("SCPs do not affect any service-linked role"). */
const serviceLinked = (caller: Caller) => !!caller.role && caller.role.arn.includes(":role/aws-service-role/");

/**
 * Authorizes one request for its caller before its handler runs, inside the request's transaction, as AWS does: every
 * layer that applies must allow and none may deny — the SCPs along root → OUs → account for principals of a member
 * account (its root user included; never the management account, never service-linked roles), the RCPs of a member
 * account's resources (STS only), the identity-based policies (the root user's are everything), the permissions
 * boundary, the session policies, and the resource's own policy (a role's trust policy), with AWS's same-account and
 * cross-account rules. A denial is AccessDenied in AWS's words.
 */
export function authorize(ctx: Ctx, service: string, action: string, input: Record<string, unknown>): void {
  const { caller } = ctx;
  credentialLimits(caller, service, action);
  const rule = rulesByService[service]?.[action];
  if (!rule) throw new Error(`local-aws: no authorization rule for ${service}:${action}`);
  const org = orgLayers(ctx.db, caller.accountId);
  const scps = serviceLinked(caller) ? undefined : org?.scps;
  // The root user may do everything, but for SCPs and the task policy of an AssumeRoot session. Its checks need not be
  // built then (they look the resource up), except STS's, whose rules refuse some requests outright (root may not
  // assume a role).
  const unbounded = caller.type === "root" && !scps && !caller.sessionPolicies?.length;
  if (unbounded && service !== "sts") return;
  const checks = rule(input, ctx);
  if (!checks.length || unbounded) return;

  const principal = principalOf(ctx);
  const data = principalData(ctx.db, caller);
  const extra = selfServicePolicy(ctx, action);
  const identity = extra ? [...data.identity, compilePolicy(extra)] : data.identity;
  const { boundary } = data;
  const session = sessionPoliciesOf(ctx.db, caller);
  const common = { ...requestKeys(ctx), ...principal.keys, ...principalTags(data.tags, caller.sessionTags) };

  for (const check of checks) {
    const request: RequestContext = {
      action: check.action,
      resource: check.target.arn,
      principal: principal.info,
      context: { ...common, ...resourceKeys(ctx, check), ...check.keys },
    };
    const resourceOrg = check.rcpAccount ? orgLayers(ctx.db, check.rcpAccount) : undefined;
    const result = evaluate({ request, identity, boundary, session, scps, rcps: resourceOrg?.rcps, resource: check.resource });
    if (result.decision !== "allowed") throw denial(check, request, result, resourceOrg?.orgId === org?.orgId);
  }
}

/**
 * AWS's AccessDenied for a refused check. Since 2026 AWS names the policy behind an explicit deny, "only in same-account
 * and same-organization scenarios": a resource control policy is named only to callers of the resource's organization.
 */
function denial(check: Check, request: RequestContext, result: EvaluationResult, sameOrg: boolean): AwsError {
  const shown = { ...request, resource: check.target.display };
  if (check.bareResourceDenial && result.deniedBy === "resource") {
    return new AwsError(
      "AccessDenied",
      `User: ${request.principal.arn} is not authorized to perform: ${request.action} on resource: ${shown.resource}`,
      403,
    );
  }
  return new AwsError("AccessDenied", accessDeniedMessage(shown, result, { policyArn: result.deniedBy !== "rcp" || sameOrg }), 403);
}

/**
 * What some temporary credentials may not call at all, whatever the policies say (IAM User Guide, "Compare AWS STS
 * credentials"): GetSessionToken credentials without MFA call no IAM API (IAM answers as for an invalid token), and a
 * federated user's credentials call no IAM API and no STS API but GetCallerIdentity.
 */
function credentialLimits(caller: Caller, service: string, action: string): void {
  const s = caller.session;
  if (service === "iam" && s?.source === "GetSessionToken" && !s.mfaAuthenticated) throw invalidToken();
  if (caller.type !== "federated-user") return;
  if (service === "iam") throw invalidToken();
  if (service === "sts" && action !== "GetCallerIdentity") {
    throw new AwsError("AccessDenied", `User: ${caller.arn} is not authorized to perform: sts:${action}`, 403);
  }
}

export { changesPrincipals, iamStateChanged } from "./principal-cache";
