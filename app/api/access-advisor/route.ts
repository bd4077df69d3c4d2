import { route } from "@/lib/server/route";
import { accessAdvisorSchema } from "@/lib/schemas/access-advisor";
import { getServiceLastAccessed } from "@/lib/server/services/access-advisor";

export const GET = route(accessAdvisorSchema, ({ principal, input }) => getServiceLastAccessed({ principal, input }));
