import type { Ctx } from "../context";
import { AwsError } from "../protocol/errors";
import { invalidToken } from "../protocol/sigv4";
import { accessDeniedMessage, compilePolicy, evaluate, type RequestContext } from "../../lib/policy/evaluate";
import { rulesByService } from "./actions";
import type { Check, Keys } from "./checks";
import { principalData } from "./principal-cache";
import { principalOf, requestKeys } from "./principal";
import { selfServicePolicy } from "./self-service";

/** The keys a check's resource contributes: its existing tags, and the account that owns it. */
function resourceKeys(ctx: Ctx, check: Check): Keys {
  const { target } = check;
  const keys: Keys = {};
  if (target.arn.startsWith(`arn:aws:iam::${ctx.accountId}:`)) keys["aws:ResourceAccount"] = ctx.accountId;
  for (const t of target.tags ?? []) {
    keys[`aws:ResourceTag/${t.key}`] = t.value;
    if (target.iamTags) keys[`iam:ResourceTag/${t.key}`] = t.value;
  }
  return keys;
}

/**
 * Authorizes one request for its caller before its handler runs, inside the request's transaction, as AWS does:
 * the account root is always allowed (no SCPs apply to it here); an IAM user (or its session) needs an identity-based
 * Allow, no explicit Deny, and its permissions boundary's Allow. A denial is AccessDenied (403) in AWS's words.
 */
export function authorize(ctx: Ctx, service: string, action: string, input: Record<string, unknown>): void {
  const { caller } = ctx;
  // IAM User Guide, GetSessionToken: its credentials "cannot call any IAM API operations unless MFA authentication
  // information is included in the request"; IAM answers such calls as an invalid token.
  if (service === "iam" && caller.session?.source === "GetSessionToken" && !caller.session.mfaAuthenticated) throw invalidToken();
  if (caller.type === "root") return;
  const rule = rulesByService[service]?.[action];
  if (!rule) throw new Error(`local-aws: no authorization rule for ${service}:${action}`);
  const checks = rule(input, ctx);
  if (!checks.length) return;

  const principal = principalOf(ctx);
  const data = principalData(ctx.db, caller.arn, caller.type === "user" ? caller.userId : undefined);
  const extra = selfServicePolicy(ctx, action);
  const identity = extra ? [...data.identity, compilePolicy(extra)] : data.identity;
  const { boundary } = data;
  const common = { ...requestKeys(ctx), ...principal.keys, ...data.tags };

  for (const check of checks) {
    const request: RequestContext = {
      action: check.action,
      resource: check.target.arn,
      principal: principal.info,
      context: { ...common, ...resourceKeys(ctx, check), ...check.keys },
    };
    const result = evaluate({ request, identity, boundary });
    if (result.decision !== "allowed") {
      // Today's AWS names a denying managed policy: "... with an explicit deny in an identity-based policy: <arn>".
      const message = accessDeniedMessage({ ...request, resource: check.target.display }, result, { policyArn: true });
      throw new AwsError("AccessDenied", message, 403);
    }
  }
}

export { changesPrincipals, iamStateChanged } from "./principal-cache";
