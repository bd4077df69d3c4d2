import { STARTER_POLICY } from "@/components/policies/policy-template";
import type { PolicyTypeInfo } from "./org-labels";

/**
 * Where a new policy starts in the editor: the console's starter statement. Customer managed RCPs may only deny, and
 * name their principals, so theirs starts as a Deny with Principal "*".
 */
export function orgPolicyTemplate(info: PolicyTypeInfo): string {
  if (info.kind !== "rcp") return JSON.stringify(STARTER_POLICY, null, 2);
  const [statement] = STARTER_POLICY.Statement;
  return JSON.stringify({ ...STARTER_POLICY, Statement: [{ ...statement, Effect: "Deny", Principal: "*" }] }, null, 2);
}
