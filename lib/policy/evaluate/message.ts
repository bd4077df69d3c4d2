import type { EvaluationResult, PolicyLayer, RequestContext } from "./types";

const NAMES: Record<PolicyLayer, [article: string, name: string]> = {
  identity: ["an", "identity-based policy"],
  boundary: ["a", "permissions boundary"],
  session: ["a", "session policy"],
  scp: ["a", "service control policy"],
  rcp: ["a", "resource control policy"],
  resource: ["a", "resource-based policy"],
};

export type MessageOptions = {
  /**
   * AWS's newer wording names the denying policy after an explicit deny, within an account or organization
   * ("... with an explicit deny in a service control policy: arn:aws:organizations::..."): when the first Deny's
   * policy ID is an ARN, append it.
   */
  policyArn?: boolean;
};

/**
 * AWS's AccessDenied wording (IAM User Guide, "Troubleshoot access denied error messages"): "User: <arn> is not
 * authorized to perform: <action> on resource: <resource> because no <type> allows the <action> action", or
 * "... with an explicit deny in a <type>". Empty for an allowed request.
 */
export function accessDeniedMessage(request: RequestContext, result: EvaluationResult, options: MessageOptions = {}): string {
  if (result.decision === "allowed") return "";
  const head = `User: ${request.principal.arn} is not authorized to perform: ${request.action} on resource: ${request.resource}`;
  const layer = result.deniedBy ?? "identity";
  const [article, name] = NAMES[layer];
  if (result.decision === "implicitDeny") return `${head} because no ${name} allows the ${request.action} action`;
  const id = result.matched[0]?.policyId;
  const arn = options.policyArn && id?.startsWith("arn:") ? `: ${id}` : "";
  return `${head} with an explicit deny in ${article} ${name}${arn}`;
}
