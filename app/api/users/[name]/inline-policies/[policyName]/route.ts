import { route } from "@/lib/server/route";
import { nameParam } from "@/lib/server/services/user-detail";
import { deleteUserPolicy } from "@/lib/server/services/user-permissions";

export const DELETE = route(null, ({ principal, params }) =>
  deleteUserPolicy({ principal, input: { userName: nameParam(params.name), policyName: nameParam(params.policyName) } }),
);
