import { route } from "@/lib/server/route";
import { createGroupSchema } from "@/lib/schemas/groups";
import { listGroupsPage } from "@/lib/server/services/groups";
import { groupsPageSchema } from "@/lib/schemas/list-page";
import { createGroup } from "@/lib/server/services/groups-write";

export const GET = route(groupsPageSchema, ({ principal, input }) => listGroupsPage({ principal, input }));

export const POST = route(createGroupSchema, ({ principal, input }) => createGroup({ principal, input }));
