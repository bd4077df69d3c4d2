import { route } from "@/lib/server/route";
import { getGroup } from "@/lib/server/services/groups";
import { deleteGroup } from "@/lib/server/services/groups-write";

export const GET = route(null, ({ principal, params }) => getGroup({ principal, input: { groupName: params.groupName } }));

export const DELETE = route(null, ({ principal, params }) => deleteGroup({ principal, input: { groupName: params.groupName } }));
