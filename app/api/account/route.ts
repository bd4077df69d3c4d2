import { route } from "@/lib/server/route";
import { getAccount } from "@/lib/server/services/account";

export const GET = route(null, ({ principal }) => getAccount({ principal }));
