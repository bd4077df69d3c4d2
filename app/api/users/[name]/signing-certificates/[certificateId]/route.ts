import { route } from "@/lib/server/route";
import { credentialStatusSchema } from "@/lib/schemas/user-credentials";
import { nameParam } from "@/lib/server/services/user-detail";
import { deleteSigningCertificate, updateSigningCertificate } from "@/lib/server/services/user-codecommit-credentials";

const ids = (params: Record<string, string>) => ({ userName: nameParam(params.name), id: nameParam(params.certificateId) });

export const PATCH = route(credentialStatusSchema, ({ principal, input, params }) =>
  updateSigningCertificate({ principal, input: { ...input, ...ids(params) } }),
);

export const DELETE = route(null, ({ principal, params }) => deleteSigningCertificate({ principal, input: ids(params) }));
