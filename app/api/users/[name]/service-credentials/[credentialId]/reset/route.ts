import { route } from "@/lib/server/route";
import { nameParam } from "@/lib/server/services/user-detail";
import { resetServiceCredential } from "@/lib/server/services/user-codecommit-credentials";

export const POST = route(null, ({ principal, params }) =>
  resetServiceCredential({ principal, input: { userName: nameParam(params.name), id: nameParam(params.credentialId) } }),
);
