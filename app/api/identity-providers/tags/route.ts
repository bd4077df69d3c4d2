import { route } from "@/lib/server/route";
import { providerTagsSchema } from "@/lib/schemas/identity-providers";
import { updateProviderTags } from "@/lib/server/services/identity-providers-write";

export const PUT = route(providerTagsSchema, ({ principal, input }) => updateProviderTags({ principal, input }));
