import { z } from "@/lib/zod";
import { ROLE_COLOR_IDS } from "@/lib/switch-role";

const ACCOUNT_ID = /^\d{12}$/;
const ACCOUNT_ALIAS = /^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$/;
const NAME = /^[\w+=,.@-]+$/;

/** "Account ID or alias": 12 digits, or an alias as CreateAccountAlias allows it. */
export const switchAccountSchema = z
  .string()
  .trim()
  .min(1, "Enter an account ID or alias.")
  .refine((v) => ACCOUNT_ID.test(v) || ACCOUNT_ALIAS.test(v), "Enter a 12-digit account ID or an account alias.");

/**
 * "IAM role name": the role's path and name without a leading slash (job-function/dev). As in AWS, the role's path
 * and name together may have at most 64 characters, else the switch fails.
 */
export const switchRoleNameSchema = z
  .string()
  .trim()
  .min(1, "Enter the name of the role.")
  .refine((v) => !v.startsWith("/"), "Enter the role's path without a leading slash, e.g. job-function/dev.")
  .refine((v) => NAME.test(v.split("/").pop() ?? ""), "Use alphanumeric and '+=,.@-_' characters in the role name.")
  .refine((v) => /^[\u0021-\u007E]+$/.test(v), "The path can contain only printable ASCII characters.")
  .refine((v) => `/${v}`.length <= 64, "The role's path and name together can have up to 64 characters.");

export const switchRoleSchema = z.object({
  account: switchAccountSchema,
  roleName: switchRoleNameSchema,
  displayName: z.string().trim().max(64, "The display name can have up to 64 characters.").default(""),
  color: z.enum(ROLE_COLOR_IDS).default("none"),
});
export type SwitchRoleInput = z.infer<typeof switchRoleSchema>;

/**
 * What the console sends next-auth's session update (`useSession().update(data)`): switch to a role, switch back,
 * or nothing (after a password change).
 */
export const sessionUpdateSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("switch-role"), role: switchRoleSchema }),
  z.object({ action: z.literal("switch-back") }),
]);
export type SessionUpdate = z.infer<typeof sessionUpdateSchema>;
