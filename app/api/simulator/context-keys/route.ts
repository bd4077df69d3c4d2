import { route } from "@/lib/server/route";
import { contextKeysQuerySchema } from "@/lib/schemas/simulator";
import { getContextKeys } from "@/lib/server/services/simulator";

export const POST = route(contextKeysQuerySchema, ({ principal, input }) => getContextKeys({ principal, input }));
