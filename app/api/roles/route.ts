import { route } from "@/lib/server/route";
import { createRoleSchema } from "@/lib/schemas/roles";
import { listRolesPage } from "@/lib/server/services/roles";
import { rolesPageSchema } from "@/lib/schemas/list-page";
import { createRole } from "@/lib/server/services/role-create";

export const GET = route(rolesPageSchema, ({ principal, input }) => listRolesPage({ principal, input }));
export const POST = route(createRoleSchema, ({ principal, input }) => createRole({ principal, input }));
