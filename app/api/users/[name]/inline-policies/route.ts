import { route } from "@/lib/server/route";
import { putUserPolicySchema } from "@/lib/schemas/user-detail";
import { nameParam } from "@/lib/server/services/user-detail";
import { putUserPolicy } from "@/lib/server/services/user-permissions";

export const POST = route(putUserPolicySchema, ({ principal, input, params }) =>
  putUserPolicy({ principal, input: { ...input, userName: nameParam(params.name) } }),
);
