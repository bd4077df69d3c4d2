import { route } from "@/lib/server/route";
import { getEffectiveServicePermissions } from "@/lib/server/services/effective-permissions";
import { nameParam } from "@/lib/server/services/user-detail";

export const GET = route(null, ({ principal, params }) =>
  getEffectiveServicePermissions({
    principal,
    input: { type: "user", name: nameParam(params.name), service: decodeURIComponent(params.service) },
  }),
);
