import { route } from "@/lib/server/route";
import { nameParam } from "@/lib/server/services/user-detail";
import { listUserPermissions } from "@/lib/server/services/user-permissions";

export const GET = route(null, ({ principal, params }) => listUserPermissions({ principal, input: { userName: nameParam(params.name) } }));
