import { route } from "@/lib/server/route";
import { deletionStatusSchema } from "@/lib/schemas/roles";
import { deleteServiceLinkedRole, getDeletionStatus } from "@/lib/server/services/role-service-linked";
import { roleParams } from "../params";

export const POST = route(null, ({ principal, params }) => deleteServiceLinkedRole({ principal, params: roleParams(params) }));
export const GET = route(deletionStatusSchema, ({ principal, input }) => getDeletionStatus({ principal, input }));
