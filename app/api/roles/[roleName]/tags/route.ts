import { route } from "@/lib/server/route";
import { roleTagsSchema } from "@/lib/schemas/roles";
import { updateRoleTags } from "@/lib/server/services/roles-write";
import { roleParams } from "../params";

export const PUT = route(roleTagsSchema, ({ principal, params, input }) =>
  updateRoleTags({ principal, params: roleParams(params), input }),
);
