import { route } from "@/lib/server/route";
import { providerRefSchema } from "@/lib/schemas/identity-providers";
import { listProviderRoles } from "@/lib/server/services/identity-providers";

/** The roles whose trust policies name the provider (its ARN in the query string). */
export const GET = route(providerRefSchema, ({ principal, input }) => listProviderRoles({ principal, input }));
