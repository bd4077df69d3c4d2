import { route } from "@/lib/server/route";
import { policyListQuerySchema } from "@/lib/schemas/policies";
import { listPolicies } from "@/lib/server/services/policies";

export const GET = route(policyListQuerySchema, ({ principal, input }) => listPolicies({ principal, input }));
