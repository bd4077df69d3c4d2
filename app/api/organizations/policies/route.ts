import { route } from "@/lib/server/route";
import { createOrgPolicySchema, policyTypeQuerySchema } from "@/lib/schemas/organizations";
import { createPolicy, listPolicies } from "@/lib/server/services/organizations-policies";

export const GET = route(policyTypeQuerySchema, ({ principal, input }) => listPolicies({ principal, input }));
export const POST = route(createOrgPolicySchema, ({ principal, input }) => createPolicy({ principal, input }));
