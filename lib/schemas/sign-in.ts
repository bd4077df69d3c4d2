import { z } from "@/lib/zod";

export const rootSignInSchema = z.object({
  type: z.literal("root"),
  email: z.string().trim().min(1, "Enter your email address.").email("Enter a valid email address."),
  password: z.string().min(1, "Enter your password."),
});

export const iamSignInSchema = z.object({
  type: z.literal("iam"),
  account: z
    .string()
    .trim()
    .min(1, "Enter your account ID or alias.")
    .regex(/^(\d{12}|[a-z0-9](([a-z0-9]|-(?!-))*[a-z0-9])?)$/, "Enter a 12-digit account ID or an account alias."),
  userName: z
    .string()
    .trim()
    .min(1, "Enter your IAM user name.")
    .max(64)
    .regex(/^[\w+=,.@-]+$/, "Enter a valid IAM user name."),
  password: z.string().min(1, "Enter your password."),
});

export const keysSignInSchema = z.object({
  type: z.literal("keys"),
  accessKeyId: z
    .string()
    .trim()
    .regex(/^(AKIA|ASIA)[A-Z0-9]{12,124}$/, "Enter a valid access key ID."),
  secretAccessKey: z.string().min(1, "Enter the secret access key."),
});

export const profileSignInSchema = z.object({
  type: z.literal("profile"),
  profile: z.string().trim().min(1, "Enter a profile name.").max(128),
});

export const signInSchema = z.discriminatedUnion("type", [rootSignInSchema, iamSignInSchema, keysSignInSchema, profileSignInSchema]);
export type SignInInput = z.infer<typeof signInSchema>;

export const changePasswordSchema = z
  .object({
    oldPassword: z.string().min(1, "Enter your current password."),
    newPassword: z.string().min(1, "Enter a new password.").max(128),
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "Passwords don't match." });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
