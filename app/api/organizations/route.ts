import { route } from "@/lib/server/route";
import { createOrganization, deleteOrganization, describeOrganization } from "@/lib/server/services/organizations-organization";

export const GET = route(null, ({ principal }) => describeOrganization({ principal }));
export const POST = route(null, ({ principal }) => createOrganization({ principal }));
export const DELETE = route(null, ({ principal }) => deleteOrganization({ principal }));
