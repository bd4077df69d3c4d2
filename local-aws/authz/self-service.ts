import type { Ctx } from "../context";
import type { PolicyInput } from "../../lib/policy/evaluate";
import { readPasswordPolicy } from "../iam/password-policy";

const SELF_SERVICE_ACTIONS = new Set(["ChangePassword", "GetAccountPasswordPolicy"]);

/**
 * The account password policy's AllowUsersToChangePassword "gives IAM users permissions to iam:ChangePassword for
 * only their user and to the iam:GetAccountPasswordPolicy action ... applied at the account-level for all users"
 * (IAM API reference, PasswordPolicy). It is evaluated as one more identity-based policy, so explicit denies and
 * permissions boundaries still apply.
 */
export function selfServicePolicy(ctx: Ctx, action: string): PolicyInput | undefined {
  if (!SELF_SERVICE_ACTIONS.has(action) || ctx.caller.type !== "user") return undefined;
  if (!readPasswordPolicy(ctx.db, ctx.accountId)?.AllowUsersToChangePassword) return undefined;
  const text = JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Action: "iam:ChangePassword", Resource: ctx.caller.arn },
      { Effect: "Allow", Action: "iam:GetAccountPasswordPolicy", Resource: "*" },
    ],
  });
  return { id: "account-password-policy", name: "AllowUsersToChangePassword (account password policy)", text, sourceType: "none" };
}
