import { route } from "@/lib/server/route";
import { disablePolicyType } from "@/lib/server/services/organizations-roots";

export const DELETE = route(null, ({ principal, params }) =>
  disablePolicyType({ principal, input: { rootId: params.rootId, policyType: params.policyType } }),
);
