import { route } from "@/lib/server/route";
import { describeAccount, removeAccountFromOrganization } from "@/lib/server/services/organizations-accounts";

export const GET = route(null, ({ principal, params }) => describeAccount({ principal, input: { accountId: params.accountId } }));
/** Removes the account from the organization (it becomes a standalone account); closing is .../close. */
export const DELETE = route(null, ({ principal, params }) =>
  removeAccountFromOrganization({ principal, input: { accountId: params.accountId } }),
);
