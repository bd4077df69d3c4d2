import { route } from "@/lib/server/route";
import { revokeRoleSessions } from "@/lib/server/services/roles-write";
import { roleParams } from "../params";

export const POST = route(null, ({ principal, params }) => revokeRoleSessions({ principal, params: roleParams(params) }));
