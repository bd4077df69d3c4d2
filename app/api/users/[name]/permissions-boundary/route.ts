import { route } from "@/lib/server/route";
import { permissionsBoundarySchema } from "@/lib/schemas/user-detail";
import { nameParam } from "@/lib/server/services/user-detail";
import { deleteUserPermissionsBoundary, putUserPermissionsBoundary } from "@/lib/server/services/user-permissions";

export const PUT = route(permissionsBoundarySchema, ({ principal, input, params }) =>
  putUserPermissionsBoundary({ principal, input: { ...input, userName: nameParam(params.name) } }),
);

export const DELETE = route(null, ({ principal, params }) =>
  deleteUserPermissionsBoundary({ principal, input: { userName: nameParam(params.name) } }),
);
