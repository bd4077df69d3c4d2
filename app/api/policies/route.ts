import { route } from "@/lib/server/route";
import { createPolicySchema, policyListQuerySchema } from "@/lib/schemas/policies";
import { listPolicies } from "@/lib/server/services/policies";
import { createPolicy } from "@/lib/server/services/policies-write";

export const GET = route(policyListQuerySchema, ({ principal, input }) => listPolicies({ principal, input }));

export const POST = route(createPolicySchema, ({ principal, input }) => createPolicy({ principal, input }));
