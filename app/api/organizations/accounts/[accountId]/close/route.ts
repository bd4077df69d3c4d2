import { route } from "@/lib/server/route";
import { closeAccount } from "@/lib/server/services/organizations-accounts";

export const POST = route(null, ({ principal, params }) => closeAccount({ principal, input: { accountId: params.accountId } }));
