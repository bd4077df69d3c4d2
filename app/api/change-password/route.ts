import { route } from "@/lib/server/route";
import { changePasswordSchema } from "@/lib/schemas/sign-in";
import { changePassword } from "@/lib/server/services/account-password-policy";

/** Outside the console layout on purpose: a session whose password must be reset still reaches it. */
export const POST = route(changePasswordSchema, ({ principal, input }) => changePassword({ principal, input }), {
  allowPasswordReset: true,
});
