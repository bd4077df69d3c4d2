import { route } from "@/lib/server/route";
import { pageQuerySchema } from "@/lib/schemas/iam";
import { listUsers } from "@/lib/server/services/users";

export const GET = route(pageQuerySchema, ({ principal, input }) => listUsers({ principal, input }));
