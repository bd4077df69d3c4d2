import { route } from "@/lib/server/route";
import { renameOrganizationalUnitSchema } from "@/lib/schemas/organizations";
import { deleteOrganizationalUnit, describeOrganizationalUnit, renameOrganizationalUnit } from "@/lib/server/services/organizations-units";

export const GET = route(null, ({ principal, params }) => describeOrganizationalUnit({ principal, input: { ouId: params.ouId } }));
export const PATCH = route(renameOrganizationalUnitSchema, ({ principal, params, input }) =>
  renameOrganizationalUnit({ principal, input: { ouId: params.ouId, name: input.name } }),
);
export const DELETE = route(null, ({ principal, params }) => deleteOrganizationalUnit({ principal, input: { ouId: params.ouId } }));
