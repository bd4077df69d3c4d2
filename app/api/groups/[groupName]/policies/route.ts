import { route } from "@/lib/server/route";
import { listGroupPermissions } from "@/lib/server/services/groups";

export const GET = route(null, ({ principal, params }) => listGroupPermissions({ principal, input: { groupName: params.groupName } }));
