import { route } from "@/lib/server/route";
import { pageQuerySchema } from "@/lib/schemas/iam";
import { createRoleSchema } from "@/lib/schemas/roles";
import { listRoles } from "@/lib/server/services/roles";
import { createRole } from "@/lib/server/services/role-create";

export const GET = route(pageQuerySchema, ({ principal, input }) => listRoles({ principal, input }));
export const POST = route(createRoleSchema, ({ principal, input }) => createRole({ principal, input }));
