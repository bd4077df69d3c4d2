import { route } from "@/lib/server/route";
import { audiencesSchema } from "@/lib/schemas/identity-providers";
import { updateAudiences } from "@/lib/server/services/identity-providers-write";

export const PUT = route(audiencesSchema, ({ principal, input }) => updateAudiences({ principal, input }));
