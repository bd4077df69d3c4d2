import { route } from "@/lib/server/route";
import { inlinePolicyNameSchema, inlinePolicySchema } from "@/lib/schemas/roles";
import { deleteRolePolicy, putRolePolicy } from "@/lib/server/services/role-permissions";
import { roleParams } from "../params";

export const PUT = route(inlinePolicySchema, ({ principal, params, input }) =>
  putRolePolicy({ principal, params: roleParams(params), input }),
);
export const DELETE = route(inlinePolicyNameSchema, ({ principal, params, input }) =>
  deleteRolePolicy({ principal, params: roleParams(params), input }),
);
