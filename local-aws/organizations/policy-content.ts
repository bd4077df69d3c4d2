import { validatePolicy, SCP_MALFORMED_MESSAGE } from "../../lib/policy/validate";
import { constraint, orgError } from "./shared";

/** Per policy type (Organizations quotas): size in characters, policies per organization, attachments per target. */
const LIMITS: Record<string, { size: number; perOrg: number; perTarget: number }> = {
  SERVICE_CONTROL_POLICY: { size: 5120, perOrg: 10_000, perTarget: 5 },
  RESOURCE_CONTROL_POLICY: { size: 5120, perOrg: 1000, perTarget: 5 },
  AISERVICES_OPT_OUT_POLICY: { size: 2500, perOrg: 1000, perTarget: 5 },
};
const MANAGEMENT_POLICY_LIMITS = { size: 10_000, perOrg: 1000, perTarget: 10 };

export const limitsOf = (type: string) => LIMITS[type] ?? MANAGEMENT_POLICY_LIMITS;

const malformed = () => orgError("MalformedPolicyDocumentException", SCP_MALFORMED_MESSAGE);

/**
 * Checks a policy's content for its type: the size first ("All characters ... count against its maximum size"),
 * then SCP and RCP grammar as lib/policy knows it; management policy types are stored as JSON, not interpreted.
 */
export function checkPolicyContent(type: string, content: string): void {
  if (content.length > limitsOf(type).size) throw constraint("POLICY_CONTENT_LIMIT_EXCEEDED");
  if (type === "SERVICE_CONTROL_POLICY" || type === "RESOURCE_CONTROL_POLICY") {
    if (validatePolicy(content, type === "SERVICE_CONTROL_POLICY" ? "scp" : "rcp").length) throw malformed();
    return;
  }
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    throw malformed();
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw malformed();
}
