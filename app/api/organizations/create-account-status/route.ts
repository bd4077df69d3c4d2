import { route } from "@/lib/server/route";
import { createAccountStatusQuerySchema } from "@/lib/schemas/organizations";
import { listCreateAccountStatus } from "@/lib/server/services/organizations-create-account";

export const GET = route(createAccountStatusQuerySchema, ({ principal, input }) =>
  listCreateAccountStatus({ principal, input: { states: input.state ? [input.state] : undefined } }),
);
