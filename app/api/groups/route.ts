import { route } from "@/lib/server/route";
import { pageQuerySchema } from "@/lib/schemas/iam";
import { createGroupSchema } from "@/lib/schemas/groups";
import { listGroups } from "@/lib/server/services/groups";
import { createGroup } from "@/lib/server/services/groups-write";

export const GET = route(pageQuerySchema, ({ principal, input }) => listGroups({ principal, input }));

export const POST = route(createGroupSchema, ({ principal, input }) => createGroup({ principal, input }));
