import { member } from "./json";
import { checkShape, listValues, stringMember } from "./shape";
import { MESSAGES, actionFindings, resourceFindings, sidUniqueness } from "./validate-identity";
import type { Finding, JsonNode, JsonObject } from "./types";

/** Why an RCP breaks AWS's RCP syntax (Organizations words them all alike; these go in the finding's detail). */
export const RCP_RULES = {
  version: 'An RCP must have "Version": "2012-10-17".',
  principal: 'An RCP statement must have "Principal": "*".',
  effect: 'RCPs can only deny: "Allow" is supported only in the AWS managed RCPFullAWSAccess policy.',
  notAction: "RCPs don't support NotAction.",
  notPrincipal: "RCPs don't support NotPrincipal.",
  action: MESSAGES.actions,
  resource: MESSAGES.resources,
};

/**
 * Resource control policies (Organizations User Guide, "RCP syntax"): Version 2012-10-17, statements of Sid, Effect
 * (Deny; Allow only in RCPFullAWSAccess), Principal "*", Action, Resource or NotResource, and Condition.
 */
export function rcpFindings(root: JsonNode): Finding[] {
  const shape = checkShape(root, { topKeys: ["Version", "Statement"], message: MESSAGES.syntax });
  if (shape.findings.length) return shape.findings;
  const doc = root as JsonObject;
  const out: Finding[] = [];
  if (stringMember(doc, "Version") !== "2012-10-17") {
    out.push({ message: RCP_RULES.version, path: "Version", span: member(doc, "Version")?.value.span ?? doc.span });
  }
  for (const { node, path } of shape.statements) {
    const effect = member(node, "Effect")!.value;
    if (effect.kind === "string" && effect.value !== "Deny")
      out.push({ message: RCP_RULES.effect, path: `${path}.Effect`, span: effect.span });
    for (const [key, message] of [
      ["NotAction", RCP_RULES.notAction],
      ["NotPrincipal", RCP_RULES.notPrincipal],
    ]) {
      const m = member(node, key);
      if (m) out.push({ message, path: `${path}.${key}`, span: m.keySpan });
    }
    const principal = member(node, "Principal");
    if (!(principal?.value.kind === "string" && principal.value.value === "*") && !member(node, "NotPrincipal")) {
      out.push({ message: RCP_RULES.principal, path: principal ? `${path}.Principal` : path, span: principal?.value.span ?? node.span });
    }
    if (!listValues(node, path, "Action")?.length && !member(node, "NotAction"))
      out.push({ message: RCP_RULES.action, path, span: node.span });
    if (!member(node, "Resource") && !member(node, "NotResource")) out.push({ message: RCP_RULES.resource, path, span: node.span });
  }
  const resources = resourceFindings(shape.statements);
  out.push(...sidUniqueness(shape.statements), ...resources.format, ...resources.legacy, ...actionFindings(shape.statements));
  return out;
}
