import { route } from "@/lib/server/route";
import { providerRefSchema } from "@/lib/schemas/identity-providers";
import { deleteProvider, getProvider } from "@/lib/server/services/identity-providers";

/** Providers are named by ARN, which holds slashes: it travels in the query string (GET) or the body. */
export const GET = route(providerRefSchema, ({ principal, input }) => getProvider({ principal, input }));
export const DELETE = route(providerRefSchema, ({ principal, input }) => deleteProvider({ principal, input }));
