import { route } from "@/lib/server/route";
import { passwordPolicySchema } from "@/lib/schemas/account";
import {
  deleteAccountPasswordPolicy,
  getAccountPasswordPolicy,
  updateAccountPasswordPolicy,
} from "@/lib/server/services/account-password-policy";

export const GET = route(null, ({ principal }) => getAccountPasswordPolicy({ principal }));
export const PUT = route(passwordPolicySchema, ({ principal, input }) => updateAccountPasswordPolicy({ principal, input }));
export const DELETE = route(null, ({ principal }) => deleteAccountPasswordPolicy({ principal }));
