import { route } from "@/lib/server/route";
import { updateUserTagsSchema } from "@/lib/schemas/user-detail";
import { nameParam, updateUserTags } from "@/lib/server/services/user-detail";

export const PUT = route(updateUserTagsSchema, ({ principal, input, params }) =>
  updateUserTags({ principal, input: { ...input, userName: nameParam(params.name) } }),
);
