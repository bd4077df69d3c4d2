import { route } from "@/lib/server/route";
import { leaveOrganization } from "@/lib/server/services/organizations-organization";

export const POST = route(null, ({ principal }) => leaveOrganization({ principal }));
