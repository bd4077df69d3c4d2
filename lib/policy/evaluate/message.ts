import type { EvaluationResult, PolicyLayer, RequestContext } from "./types";

const NAMES: Record<PolicyLayer, [article: string, name: string]> = {
  identity: ["an", "identity-based policy"],
  boundary: ["a", "permissions boundary"],
  session: ["a", "session policy"],
  scp: ["a", "service control policy"],
  resource: ["a", "resource-based policy"],
};

/**
 * AWS's AccessDenied wording (IAM User Guide, "Troubleshoot access denied error messages"): "User: <arn> is not
 * authorized to perform: <action> on resource: <resource> because no <type> allows the <action> action", or
 * "... with an explicit deny in a <type>". Empty for an allowed request.
 */
export function accessDeniedMessage(request: RequestContext, result: EvaluationResult): string {
  if (result.decision === "allowed") return "";
  const head = `User: ${request.principal.arn} is not authorized to perform: ${request.action} on resource: ${request.resource}`;
  const layer = result.deniedBy ?? "identity";
  const [article, name] = NAMES[layer];
  if (result.decision === "explicitDeny") return `${head} with an explicit deny in ${article} ${name}`;
  return `${head} because no ${name} allows the ${request.action} action`;
}
