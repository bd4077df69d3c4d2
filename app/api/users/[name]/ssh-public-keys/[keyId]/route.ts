import { route } from "@/lib/server/route";
import { credentialStatusSchema, sshPublicKeyEncodingSchema } from "@/lib/schemas/user-credentials";
import { nameParam } from "@/lib/server/services/user-detail";
import { deleteSshPublicKey, getSshPublicKey, updateSshPublicKey } from "@/lib/server/services/user-codecommit-credentials";

const ids = (params: Record<string, string>) => ({ userName: nameParam(params.name), id: nameParam(params.keyId) });

export const GET = route(sshPublicKeyEncodingSchema, ({ principal, input, params }) =>
  getSshPublicKey({ principal, input: { ...input, ...ids(params) } }),
);

export const PATCH = route(credentialStatusSchema, ({ principal, input, params }) =>
  updateSshPublicKey({ principal, input: { ...input, ...ids(params) } }),
);

export const DELETE = route(null, ({ principal, params }) => deleteSshPublicKey({ principal, input: ids(params) }));
