import "server-only";
import {
  ChangePasswordCommand,
  DeleteAccountPasswordPolicyCommand,
  GetAccountPasswordPolicyCommand,
  UpdateAccountPasswordPolicyCommand,
} from "@aws-sdk/client-iam";
import { iamClient } from "../aws-clients";
import { fromSdkError } from "../errors";
import type { Principal } from "../principal";
import type { PasswordPolicyInput } from "@/lib/schemas/account";
import type { ChangePasswordInput } from "@/lib/schemas/sign-in";

export type PasswordPolicy = {
  minimumPasswordLength: number;
  requireUppercaseCharacters: boolean;
  requireLowercaseCharacters: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
  allowUsersToChangePassword: boolean;
  expirePasswords: boolean;
  maxPasswordAge?: number;
  hardExpiry: boolean;
  passwordReusePrevention?: number;
};

/** The account's custom password policy, or `{ policy: null }` when AWS's default applies (NoSuchEntity). */
export async function getAccountPasswordPolicy({ principal }: { principal: Principal }): Promise<{ policy: PasswordPolicy | null }> {
  try {
    const { PasswordPolicy: p } = await iamClient(principal).send(new GetAccountPasswordPolicyCommand({}));
    if (!p) return { policy: null };
    return {
      policy: {
        minimumPasswordLength: p.MinimumPasswordLength ?? 6,
        requireUppercaseCharacters: !!p.RequireUppercaseCharacters,
        requireLowercaseCharacters: !!p.RequireLowercaseCharacters,
        requireNumbers: !!p.RequireNumbers,
        requireSymbols: !!p.RequireSymbols,
        allowUsersToChangePassword: !!p.AllowUsersToChangePassword,
        expirePasswords: !!p.ExpirePasswords,
        maxPasswordAge: p.MaxPasswordAge,
        hardExpiry: !!p.HardExpiry,
        passwordReusePrevention: p.PasswordReusePrevention,
      },
    };
  } catch (err) {
    const e = fromSdkError(err);
    if (e.code === "NoSuchEntity") return { policy: null };
    throw e;
  }
}

/** UpdateAccountPasswordPolicy replaces the whole policy: every member is sent. */
export async function updateAccountPasswordPolicy({
  principal,
  input,
}: {
  principal: Principal;
  input: PasswordPolicyInput;
}): Promise<void> {
  try {
    await iamClient(principal).send(
      new UpdateAccountPasswordPolicyCommand({
        MinimumPasswordLength: input.minimumPasswordLength,
        RequireUppercaseCharacters: input.requireUppercaseCharacters,
        RequireLowercaseCharacters: input.requireLowercaseCharacters,
        RequireNumbers: input.requireNumbers,
        RequireSymbols: input.requireSymbols,
        AllowUsersToChangePassword: input.allowUsersToChangePassword,
        MaxPasswordAge: input.maxPasswordAge,
        HardExpiry: input.hardExpiry,
        PasswordReusePrevention: input.passwordReusePrevention,
      }),
    );
  } catch (err) {
    throw fromSdkError(err);
  }
}

export async function deleteAccountPasswordPolicy({ principal }: { principal: Principal }): Promise<void> {
  try {
    await iamClient(principal).send(new DeleteAccountPasswordPolicyCommand({}));
  } catch (err) {
    throw fromSdkError(err);
  }
}

/** The signed-in IAM user changes its own password (AWS clears a required reset on success). */
export async function changePassword({ principal, input }: { principal: Principal; input: ChangePasswordInput }): Promise<void> {
  try {
    await iamClient(principal).send(new ChangePasswordCommand({ OldPassword: input.oldPassword, NewPassword: input.newPassword }));
  } catch (err) {
    throw fromSdkError(err);
  }
}
