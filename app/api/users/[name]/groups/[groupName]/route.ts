import { route } from "@/lib/server/route";
import { nameParam, removeUserFromGroup } from "@/lib/server/services/user-detail";

export const DELETE = route(null, ({ principal, params }) =>
  removeUserFromGroup({ principal, input: { userName: nameParam(params.name), groupName: nameParam(params.groupName) } }),
);
