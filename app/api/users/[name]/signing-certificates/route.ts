import { route } from "@/lib/server/route";
import { uploadSigningCertificateSchema } from "@/lib/schemas/user-credentials";
import { nameParam } from "@/lib/server/services/user-detail";
import { uploadSigningCertificate } from "@/lib/server/services/user-codecommit-credentials";

export const POST = route(uploadSigningCertificateSchema, ({ principal, input, params }) =>
  uploadSigningCertificate({ principal, input: { ...input, userName: nameParam(params.name) } }),
);
