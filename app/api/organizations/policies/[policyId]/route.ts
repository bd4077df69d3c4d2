import { route } from "@/lib/server/route";
import { updateOrgPolicySchema } from "@/lib/schemas/organizations";
import { deletePolicy, describePolicy, updatePolicy } from "@/lib/server/services/organizations-policies";

export const GET = route(null, ({ principal, params }) => describePolicy({ principal, input: { policyId: params.policyId } }));
export const PUT = route(updateOrgPolicySchema, ({ principal, params, input }) =>
  updatePolicy({ principal, input: { policyId: params.policyId, ...input } }),
);
export const DELETE = route(null, ({ principal, params }) => deletePolicy({ principal, input: { policyId: params.policyId } }));
