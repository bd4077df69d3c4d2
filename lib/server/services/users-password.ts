import "server-only";
import { randomInt } from "node:crypto";
import { GetAccountPasswordPolicyCommand, type IAMClient } from "@aws-sdk/client-iam";
import { PASSWORD_SYMBOLS, type PasswordRules } from "@/lib/schemas/users";

/** The account password policy, or null when the account has none (AWS then applies its default rules). */
export async function readAccountPasswordPolicy(iam: IAMClient): Promise<PasswordRules | null> {
  try {
    const { PasswordPolicy: p } = await iam.send(new GetAccountPasswordPolicyCommand({}));
    if (!p) return null;
    return {
      minimumLength: p.MinimumPasswordLength ?? 6,
      requireUppercase: !!p.RequireUppercaseCharacters,
      requireLowercase: !!p.RequireLowercaseCharacters,
      requireNumbers: !!p.RequireNumbers,
      requireSymbols: !!p.RequireSymbols,
      allowUsersToChangePassword: !!p.AllowUsersToChangePassword,
    };
  } catch (err) {
    if ((err as { name?: string }).name === "NoSuchEntityException") return null;
    throw err;
  }
}

const SETS = ["ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz", "0123456789", PASSWORD_SYMBOLS];

/**
 * A random password that satisfies any IAM password policy (and the default one): one character of every kind,
 * at least 16 characters or the policy's minimum, drawn from a CSPRNG and shuffled.
 */
export function generatePassword(policy: PasswordRules | null): string {
  const length = Math.min(128, Math.max(16, policy?.minimumLength ?? 0));
  const all = SETS.join("");
  const chars = SETS.map((s) => s[randomInt(s.length)]);
  while (chars.length < length) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join("");
}
