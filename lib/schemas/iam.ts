import { z } from "@/lib/zod";

/** IAM's own name and path rules (API reference), shared by forms and route handlers. */
export const userNameSchema = z
  .string()
  .min(1, "Enter a user name.")
  .max(64, "The user name can have up to 64 characters.")
  .regex(/^[\w+=,.@-]+$/, "Use alphanumeric and '+=,.@-_' characters.");

export const groupNameSchema = z
  .string()
  .min(1, "Enter a group name.")
  .max(128, "The group name can have up to 128 characters.")
  .regex(/^[\w+=,.@-]+$/, "Use alphanumeric and '+=,.@-_' characters.");

export const roleNameSchema = z
  .string()
  .min(1, "Enter a role name.")
  .max(64, "The role name can have up to 64 characters.")
  .regex(/^[\w+=,.@-]+$/, "Use alphanumeric and '+=,.@-_' characters.");

export const policyNameSchema = z
  .string()
  .min(1, "Enter a policy name.")
  .max(128, "The policy name can have up to 128 characters.")
  .regex(/^[\w+=,.@-]+$/, "Use alphanumeric and '+=,.@-_' characters.");

export const pathSchema = z
  .string()
  .max(512, "The path can have up to 512 characters.")
  .regex(/^(\/|\/[\u0021-\u007E]+\/)$/, "The path must begin and end with a slash (/).");

export const arnSchema = z
  .string()
  .min(20)
  .max(2048)
  .regex(/^arn:aws[\w-]*:/, "Enter a valid ARN.");

export const tagSchema = z.object({
  Key: z
    .string()
    .min(1, "Enter a key.")
    .max(128, "The key can have up to 128 characters.")
    .regex(/^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u, "Use letters, numbers, spaces and _ . : / = + - @.")
    .refine((k) => !k.toLowerCase().startsWith("aws:"), "Keys can't start with 'aws:'."),
  Value: z
    .string()
    .max(256, "The value can have up to 256 characters.")
    .regex(/^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u, "Use letters, numbers, spaces and _ . : / = + - @."),
});

/** A tag as the console's forms edit it. */
export type TagDraft = z.infer<typeof tagSchema>;

export const tagsSchema = z
  .array(tagSchema)
  .max(50, "You can add up to 50 tags.")
  .refine((tags) => new Set(tags.map((t) => t.Key.toLowerCase())).size === tags.length, "Tag keys must be unique.");
