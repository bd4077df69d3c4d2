import { route } from "@/lib/server/route";
import { getEffectiveServicePermissions } from "@/lib/server/services/effective-permissions";
import { roleParams } from "../../params";

export const GET = route(null, ({ principal, params }) =>
  getEffectiveServicePermissions({
    principal,
    input: { type: "role", name: roleParams(params).roleName, service: decodeURIComponent(params.service) },
  }),
);
