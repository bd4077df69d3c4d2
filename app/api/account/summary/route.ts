import { route } from "@/lib/server/route";
import { getAccountSummary } from "@/lib/server/services/account";

export const GET = route(null, ({ principal }) => getAccountSummary({ principal }));
