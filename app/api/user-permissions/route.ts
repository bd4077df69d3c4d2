import { route } from "@/lib/server/route";
import { userPermissionsQuerySchema } from "@/lib/schemas/users";
import { getPermissionsToCopy } from "@/lib/server/services/users";

export const GET = route(userPermissionsQuerySchema, ({ principal, input }) => getPermissionsToCopy({ principal, input }));
