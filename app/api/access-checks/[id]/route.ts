import { route } from "@/lib/server/route";
import { accessCheckIdSchema } from "@/lib/schemas/access-checks";
import { ServiceError } from "@/lib/server/errors";
import { deleteAccessCheck } from "@/lib/server/services/access-checks";

export const DELETE = route(null, ({ principal, params }) => {
  const id = accessCheckIdSchema.safeParse(params.id);
  if (!id.success) throw new ServiceError("ValidationError", id.error.issues[0].message, 422);
  return deleteAccessCheck({ principal, id: id.data });
});
