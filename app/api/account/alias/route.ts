import { route } from "@/lib/server/route";
import { accountAliasInputSchema } from "@/lib/schemas/account";
import { createAccountAlias, deleteAccountAlias } from "@/lib/server/services/account";

export const POST = route(accountAliasInputSchema, ({ principal, input }) => createAccountAlias({ principal, input }));
export const DELETE = route(accountAliasInputSchema, ({ principal, input }) => deleteAccountAlias({ principal, input }));
