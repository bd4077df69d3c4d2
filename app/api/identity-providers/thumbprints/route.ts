import { route } from "@/lib/server/route";
import { thumbprintsSchema } from "@/lib/schemas/identity-providers";
import { updateThumbprints } from "@/lib/server/services/identity-providers-write";

export const PUT = route(thumbprintsSchema, ({ principal, input }) => updateThumbprints({ principal, input }));
