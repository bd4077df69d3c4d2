import { route } from "@/lib/server/route";
import { policySourcesQuerySchema } from "@/lib/schemas/simulator";
import { listPolicySources } from "@/lib/server/services/simulator";

export const GET = route(policySourcesQuerySchema, ({ principal, input }) => listPolicySources({ principal, input }));
