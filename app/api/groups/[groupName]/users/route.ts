import { route } from "@/lib/server/route";
import { pageQuerySchema } from "@/lib/schemas/iam";
import { groupUserNamesSchema } from "@/lib/schemas/groups";
import { listGroupUsers } from "@/lib/server/services/groups";
import { addUsersToGroup, removeUsersFromGroup } from "@/lib/server/services/groups-write";

export const GET = route(pageQuerySchema, ({ principal, input, params }) =>
  listGroupUsers({ principal, input: { ...input, groupName: params.groupName } }),
);

export const POST = route(groupUserNamesSchema, ({ principal, input, params }) =>
  addUsersToGroup({ principal, input: { ...input, groupName: params.groupName } }),
);

export const DELETE = route(groupUserNamesSchema, ({ principal, input, params }) =>
  removeUsersFromGroup({ principal, input: { ...input, groupName: params.groupName } }),
);
