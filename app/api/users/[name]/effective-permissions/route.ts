import { route } from "@/lib/server/route";
import { getEffectivePermissions } from "@/lib/server/services/effective-permissions";
import { nameParam } from "@/lib/server/services/user-detail";

export const GET = route(null, ({ principal, params }) =>
  getEffectivePermissions({ principal, input: { type: "user", name: nameParam(params.name) } }),
);
