import { route } from "@/lib/server/route";
import { createPolicySchema } from "@/lib/schemas/policies";
import { listPolicies } from "@/lib/server/services/policies";
import { createPolicy } from "@/lib/server/services/policies-write";

export const GET = route(null, ({ principal }) => listPolicies({ principal }));

export const POST = route(createPolicySchema, ({ principal, input }) => createPolicy({ principal, input }));
