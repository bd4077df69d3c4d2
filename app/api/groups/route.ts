import { route } from "@/lib/server/route";
import { pageQuerySchema } from "@/lib/schemas/iam";
import { listGroups } from "@/lib/server/services/groups";

export const GET = route(pageQuerySchema, ({ principal, input }) => listGroups({ principal, input }));
