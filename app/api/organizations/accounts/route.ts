import { route } from "@/lib/server/route";
import { createAccountSchema } from "@/lib/schemas/organizations";
import { createAccount } from "@/lib/server/services/organizations-create-account";

export const POST = route(createAccountSchema, ({ principal, input }) => createAccount({ principal, input }));
