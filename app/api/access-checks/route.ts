import { route } from "@/lib/server/route";
import { accessCheckSchema } from "@/lib/schemas/access-checks";
import { createAccessCheck, listAccessChecks } from "@/lib/server/services/access-checks";

export const GET = route(null, ({ principal }) => listAccessChecks({ principal, input: undefined }));

export const POST = route(accessCheckSchema, ({ principal, input }) => createAccessCheck({ principal, input }));
