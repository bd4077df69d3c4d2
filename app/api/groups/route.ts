import { route } from "@/lib/server/route";
import { createGroupSchema } from "@/lib/schemas/groups";
import { listGroups } from "@/lib/server/services/groups";
import { createGroup } from "@/lib/server/services/groups-write";

export const GET = route(null, ({ principal }) => listGroups({ principal }));

export const POST = route(createGroupSchema, ({ principal, input }) => createGroup({ principal, input }));
