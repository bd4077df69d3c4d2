import { route } from "@/lib/server/route";
import { uploadSshPublicKeySchema } from "@/lib/schemas/user-credentials";
import { nameParam } from "@/lib/server/services/user-detail";
import { uploadSshPublicKey } from "@/lib/server/services/user-codecommit-credentials";

export const POST = route(uploadSshPublicKeySchema, ({ principal, input, params }) =>
  uploadSshPublicKey({ principal, input: { ...input, userName: nameParam(params.name) } }),
);
