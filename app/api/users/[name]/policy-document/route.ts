import { route } from "@/lib/server/route";
import { policyDocumentQuerySchema } from "@/lib/schemas/user-detail";
import { nameParam } from "@/lib/server/services/user-detail";
import { getPermissionPolicyDocument } from "@/lib/server/services/user-permissions";

export const GET = route(policyDocumentQuerySchema, ({ principal, input, params }) =>
  getPermissionPolicyDocument({ principal, input: { ...input, userName: nameParam(params.name) } }),
);
