import { route } from "@/lib/server/route";
import { attachPolicySchema, policyTypeQuerySchema } from "@/lib/schemas/organizations";
import { attachPolicy, listTargetPolicies } from "@/lib/server/services/organizations-attachments";

export const GET = route(policyTypeQuerySchema, ({ principal, params, input }) =>
  listTargetPolicies({ principal, input: { targetId: params.targetId, type: input.type } }),
);
export const POST = route(attachPolicySchema, ({ principal, params, input }) =>
  attachPolicy({ principal, input: { targetId: params.targetId, policyId: input.policyId } }),
);
