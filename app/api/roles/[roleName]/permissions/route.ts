import { route } from "@/lib/server/route";
import { policyArnSchema, policyArnsSchema } from "@/lib/schemas/roles";
import { attachRolePolicies, detachRolePolicy, listRolePermissions } from "@/lib/server/services/role-permissions";
import { roleParams } from "../params";

export const GET = route(null, ({ principal, params }) => listRolePermissions({ principal, params: roleParams(params) }));
export const POST = route(policyArnsSchema, ({ principal, params, input }) =>
  attachRolePolicies({ principal, params: roleParams(params), input }),
);
export const DELETE = route(policyArnSchema, ({ principal, params, input }) =>
  detachRolePolicy({ principal, params: roleParams(params), input }),
);
