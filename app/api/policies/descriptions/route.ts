import { route } from "@/lib/server/route";
import { policyDescriptionsQuerySchema } from "@/lib/schemas/policies";
import { listPolicyDescriptions } from "@/lib/server/services/policies";

export const GET = route(policyDescriptionsQuerySchema, ({ principal, input }) => listPolicyDescriptions({ principal, input }));
