import { route } from "@/lib/server/route";
import { attachUserPoliciesSchema, detachUserPolicySchema } from "@/lib/schemas/user-detail";
import { nameParam } from "@/lib/server/services/user-detail";
import { attachUserPolicies, detachUserPolicy } from "@/lib/server/services/user-permissions";

export const POST = route(attachUserPoliciesSchema, ({ principal, input, params }) =>
  attachUserPolicies({ principal, input: { ...input, userName: nameParam(params.name) } }),
);

export const DELETE = route(detachUserPolicySchema, ({ principal, input, params }) =>
  detachUserPolicy({ principal, input: { ...input, userName: nameParam(params.name) } }),
);
