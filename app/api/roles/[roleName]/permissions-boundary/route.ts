import { route } from "@/lib/server/route";
import { permissionsBoundarySchema } from "@/lib/schemas/roles";
import { deleteRolePermissionsBoundary, putRolePermissionsBoundary } from "@/lib/server/services/role-permissions";
import { roleParams } from "../params";

export const PUT = route(permissionsBoundarySchema, ({ principal, params, input }) =>
  putRolePermissionsBoundary({ principal, params: roleParams(params), input }),
);
export const DELETE = route(null, ({ principal, params }) => deleteRolePermissionsBoundary({ principal, params: roleParams(params) }));
