import { route } from "@/lib/server/route";
import { getOrganizationTree } from "@/lib/server/services/organizations-tree";

export const GET = route(null, ({ principal }) => getOrganizationTree({ principal }));
