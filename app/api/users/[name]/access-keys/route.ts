import { route } from "@/lib/server/route";
import { createAccessKeySchema } from "@/lib/schemas/user-detail";
import { nameParam } from "@/lib/server/services/user-detail";
import { createAccessKey } from "@/lib/server/services/user-credentials";

export const POST = route(createAccessKeySchema, ({ principal, input, params }) =>
  createAccessKey({ principal, input: { ...input, userName: nameParam(params.name) } }),
);
