import { route } from "@/lib/server/route";
import { updateRoleSchema } from "@/lib/schemas/roles";
import { getRole } from "@/lib/server/services/role-detail";
import { deleteRole } from "@/lib/server/services/role-delete";
import { updateRole } from "@/lib/server/services/roles-write";
import { roleParams } from "./params";

export const GET = route(null, ({ principal, params }) => getRole({ principal, params: roleParams(params) }));
export const PATCH = route(updateRoleSchema, ({ principal, params, input }) =>
  updateRole({ principal, params: roleParams(params), input }),
);
export const DELETE = route(null, ({ principal, params }) => deleteRole({ principal, params: roleParams(params) }));
