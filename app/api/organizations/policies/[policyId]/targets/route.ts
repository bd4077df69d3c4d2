import { route } from "@/lib/server/route";
import { listPolicyTargets } from "@/lib/server/services/organizations-attachments";

export const GET = route(null, ({ principal, params }) => listPolicyTargets({ principal, input: { policyId: params.policyId } }));
