import { route } from "@/lib/server/route";
import { createRoleSchema } from "@/lib/schemas/roles";
import { listRoles } from "@/lib/server/services/roles";
import { createRole } from "@/lib/server/services/role-create";

export const GET = route(null, ({ principal }) => listRoles({ principal }));
export const POST = route(createRoleSchema, ({ principal, input }) => createRole({ principal, input }));
