import { route } from "@/lib/server/route";
import { policyTypeInputSchema } from "@/lib/schemas/organizations";
import { enablePolicyType } from "@/lib/server/services/organizations-roots";

export const POST = route(policyTypeInputSchema, ({ principal, params, input }) =>
  enablePolicyType({ principal, input: { rootId: params.rootId, policyType: input.policyType } }),
);
