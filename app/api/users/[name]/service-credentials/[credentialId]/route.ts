import { route } from "@/lib/server/route";
import { credentialStatusSchema } from "@/lib/schemas/user-credentials";
import { nameParam } from "@/lib/server/services/user-detail";
import { deleteServiceCredential, updateServiceCredential } from "@/lib/server/services/user-codecommit-credentials";

const ids = (params: Record<string, string>) => ({ userName: nameParam(params.name), id: nameParam(params.credentialId) });

export const PATCH = route(credentialStatusSchema, ({ principal, input, params }) =>
  updateServiceCredential({ principal, input: { ...input, ...ids(params) } }),
);

export const DELETE = route(null, ({ principal, params }) => deleteServiceCredential({ principal, input: ids(params) }));
