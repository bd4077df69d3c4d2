import { z } from "@/lib/zod";

/** CreateAccountAlias's rule: ^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$, explained one condition at a time. */
export const accountAliasSchema = z
  .string()
  .min(3, "The alias must have at least 3 characters.")
  .max(63, "The alias can have up to 63 characters.")
  .regex(/^[a-z0-9-]*$/, "Use only lowercase letters (a-z), numbers (0-9) and hyphens (-).")
  .refine((a) => !a.startsWith("-") && !a.endsWith("-"), "The alias can't start or end with a hyphen (-).")
  .refine((a) => !a.includes("--"), "The alias can't contain two hyphens in a row.");

export const accountAliasInputSchema = z.object({ accountAlias: accountAliasSchema });
export type AccountAliasInput = z.infer<typeof accountAliasInputSchema>;

/** Form fields arrive as text, API calls as numbers: both parse the same way. */
const whole = (v: unknown) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v);

function checkRange(ctx: z.RefinementCtx, value: number | undefined, path: string, min: number, max: number, what: string) {
  if (value === undefined || Number.isNaN(value)) ctx.addIssue({ code: "custom", path: [path], message: `Enter ${what}.` });
  else if (!Number.isInteger(value) || value < min || value > max) {
    ctx.addIssue({ code: "custom", path: [path], message: `Enter a whole number from ${min} to ${max}.` });
  }
}

/** The AWS console's "Edit password policy" form, and UpdateAccountPasswordPolicy's input ranges. */
export const passwordPolicySchema = z
  .object({
    minimumPasswordLength: z.preprocess(whole, z.number().optional()),
    requireUppercaseCharacters: z.boolean().default(false),
    requireLowercaseCharacters: z.boolean().default(false),
    requireNumbers: z.boolean().default(false),
    requireSymbols: z.boolean().default(false),
    expirePasswords: z.boolean().default(false),
    maxPasswordAge: z.preprocess(whole, z.number().optional()),
    hardExpiry: z.boolean().default(false),
    allowUsersToChangePassword: z.boolean().default(false),
    preventPasswordReuse: z.boolean().default(false),
    passwordReusePrevention: z.preprocess(whole, z.number().optional()),
  })
  .superRefine((v, ctx) => {
    checkRange(ctx, v.minimumPasswordLength, "minimumPasswordLength", 6, 128, "a minimum password length");
    if (v.expirePasswords) checkRange(ctx, v.maxPasswordAge, "maxPasswordAge", 1, 1095, "the number of days");
    if (v.preventPasswordReuse) checkRange(ctx, v.passwordReusePrevention, "passwordReusePrevention", 1, 24, "the number of passwords");
  })
  .transform((v) => ({
    ...v,
    minimumPasswordLength: v.minimumPasswordLength!,
    maxPasswordAge: v.expirePasswords ? v.maxPasswordAge : undefined,
    hardExpiry: v.expirePasswords && v.hardExpiry,
    passwordReusePrevention: v.preventPasswordReuse ? v.passwordReusePrevention : undefined,
  }));
export type PasswordPolicyInput = z.infer<typeof passwordPolicySchema>;
