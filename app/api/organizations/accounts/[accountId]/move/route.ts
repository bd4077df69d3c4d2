import { route } from "@/lib/server/route";
import { moveAccountSchema } from "@/lib/schemas/organizations";
import { moveAccount } from "@/lib/server/services/organizations-accounts";

export const POST = route(moveAccountSchema, ({ principal, params, input }) =>
  moveAccount({ principal, input: { accountId: params.accountId, ...input } }),
);
