import { route } from "@/lib/server/route";
import { createServiceCredentialSchema } from "@/lib/schemas/user-credentials";
import { nameParam } from "@/lib/server/services/user-detail";
import { createServiceCredential } from "@/lib/server/services/user-codecommit-credentials";

export const POST = route(createServiceCredentialSchema, ({ principal, input, params }) =>
  createServiceCredential({ principal, input: { ...input, userName: nameParam(params.name) } }),
);
