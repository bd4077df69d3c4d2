import { route } from "@/lib/server/route";
import { addUserToGroupsSchema } from "@/lib/schemas/user-detail";
import { addUserToGroups, listGroupsForUser, nameParam } from "@/lib/server/services/user-detail";

export const GET = route(null, ({ principal, params }) => listGroupsForUser({ principal, input: { userName: nameParam(params.name) } }));

export const POST = route(addUserToGroupsSchema, ({ principal, input, params }) =>
  addUserToGroups({ principal, input: { ...input, userName: nameParam(params.name) } }),
);
