import { route } from "@/lib/server/route";
import { groupUserNamesSchema } from "@/lib/schemas/groups";
import { listGroupUsers } from "@/lib/server/services/groups";
import { addUsersToGroup, removeUsersFromGroup } from "@/lib/server/services/groups-write";

export const GET = route(null, ({ principal, params }) => listGroupUsers({ principal, input: { groupName: params.groupName } }));

export const POST = route(groupUserNamesSchema, ({ principal, input, params }) =>
  addUsersToGroup({ principal, input: { ...input, groupName: params.groupName } }),
);

export const DELETE = route(groupUserNamesSchema, ({ principal, input, params }) =>
  removeUsersFromGroup({ principal, input: { ...input, groupName: params.groupName } }),
);
