import { route } from "@/lib/server/route";
import { createOrganizationalUnitSchema } from "@/lib/schemas/organizations";
import { createOrganizationalUnit } from "@/lib/server/services/organizations-units";

export const POST = route(createOrganizationalUnitSchema, ({ principal, input }) => createOrganizationalUnit({ principal, input }));
