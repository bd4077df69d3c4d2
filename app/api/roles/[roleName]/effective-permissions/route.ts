import { route } from "@/lib/server/route";
import { getEffectivePermissions } from "@/lib/server/services/effective-permissions";
import { roleParams } from "../params";

export const GET = route(null, ({ principal, params }) =>
  getEffectivePermissions({ principal, input: { type: "role", name: roleParams(params).roleName } }),
);
