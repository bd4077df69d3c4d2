import { route } from "@/lib/server/route";
import { getRoleLastUsed } from "@/lib/server/services/role-detail";
import { roleParams } from "../params";

export const GET = route(null, ({ principal, params }) => getRoleLastUsed({ principal, params: roleParams(params) }));
