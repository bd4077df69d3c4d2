import type { PasswordPolicy } from "@/lib/queries/account";

export const SYMBOLS = "! @ # $ % ^ & * ( ) _ + - = [ ] { } | '";

/** What AWS applies when the account has no custom password policy. */
export const DEFAULT_POLICY_RULES = [
  "Minimum password length is 8 characters",
  `Include a minimum of three of the following mix of character types: uppercase, lowercase, numbers, and non-alphanumeric characters (${SYMBOLS})`,
  "Must not be identical to your AWS account name or email address",
];

/** A custom policy in the AWS console's words. */
export function policyRules(p: PasswordPolicy): string[] {
  return [
    `Minimum password length is ${p.minimumPasswordLength} characters`,
    p.requireUppercaseCharacters && "Require at least one uppercase letter from the Latin alphabet (A-Z)",
    p.requireLowercaseCharacters && "Require at least one lowercase letter from the Latin alphabet (a-z)",
    p.requireNumbers && "Require at least one number",
    p.requireSymbols && `Require at least one non-alphanumeric character (${SYMBOLS})`,
    p.expirePasswords && p.maxPasswordAge && `Password expires in ${p.maxPasswordAge} day(s)`,
    p.hardExpiry && "Password expiration requires administrator reset",
    p.allowUsersToChangePassword && "Allow users to change their own password",
    p.passwordReusePrevention && `Remember last ${p.passwordReusePrevention} password(s) and prevent reuse`,
  ].filter((r): r is string => typeof r === "string");
}
