import { route } from "@/lib/server/route";
import { pageQuerySchema } from "@/lib/schemas/iam";
import { listRoles } from "@/lib/server/services/roles";

export const GET = route(pageQuerySchema, ({ principal, input }) => listRoles({ principal, input }));
