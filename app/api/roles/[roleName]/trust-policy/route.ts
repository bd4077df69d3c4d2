import { route } from "@/lib/server/route";
import { trustPolicySchema } from "@/lib/schemas/roles";
import { updateAssumeRolePolicy } from "@/lib/server/services/role-trust";
import { roleParams } from "../params";

export const PUT = route(trustPolicySchema, ({ principal, params, input }) =>
  updateAssumeRolePolicy({ principal, params: roleParams(params), input }),
);
