import { route } from "@/lib/server/route";
import { createProviderSchema } from "@/lib/schemas/identity-providers";
import { createProvider, listProviders } from "@/lib/server/services/identity-providers";

export const GET = route(null, ({ principal }) => listProviders({ principal }));
export const POST = route(createProviderSchema, ({ principal, input }) => createProvider({ principal, input }));
