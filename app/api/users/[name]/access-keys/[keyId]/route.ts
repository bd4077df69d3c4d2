import { route } from "@/lib/server/route";
import { updateAccessKeySchema } from "@/lib/schemas/user-detail";
import { nameParam } from "@/lib/server/services/user-detail";
import { deleteAccessKey, updateAccessKey } from "@/lib/server/services/user-credentials";

export const PATCH = route(updateAccessKeySchema, ({ principal, input, params }) =>
  updateAccessKey({ principal, input: { ...input, userName: nameParam(params.name), accessKeyId: nameParam(params.keyId) } }),
);

export const DELETE = route(null, ({ principal, params }) =>
  deleteAccessKey({ principal, input: { userName: nameParam(params.name), accessKeyId: nameParam(params.keyId) } }),
);
