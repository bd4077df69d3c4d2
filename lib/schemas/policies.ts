import { z } from "@/lib/zod";
import { arnSchema, groupNameSchema, policyNameSchema, roleNameSchema, tagsSchema, userNameSchema } from "./iam";

/** A managed policy's ARN: AWS managed (`arn:aws:iam::aws:policy/...`) or an account's own. */
export const policyArnSchema = arnSchema.regex(/^arn:aws[\w-]*:iam::(aws|\d{12}):policy\/./, "Enter a managed policy ARN.");

export const policyDescriptionSchema = z
  .string()
  .max(1000, "The description can have up to 1,000 characters.")
  .regex(/^[\t\n\r\u0020-\u00FF]*$/, "Use Latin-1 characters only (letters, numbers, punctuation, spaces).");

/** IAM's PolicyDocument limits; the grammar is judged by lib/policy in the editor and by IAM on submit. */
export const managedPolicyDocumentSchema = z
  .string()
  .min(1, "Enter a policy document.")
  .max(131072, "The policy document can have up to 131,072 characters.");

export const createPolicySchema = z.object({
  policyName: policyNameSchema,
  description: policyDescriptionSchema.optional(),
  policyDocument: managedPolicyDocumentSchema,
  tags: tagsSchema.default([]),
});
export type CreatePolicyInput = z.input<typeof createPolicySchema>;

export const policyVersionIdSchema = z.string().regex(/^v[1-9][0-9]*(\.[A-Za-z0-9-]*)?$/, "A version ID looks like v1.");

export const createPolicyVersionSchema = z.object({
  policyDocument: managedPolicyDocumentSchema,
  setAsDefault: z.boolean().default(true),
  /** As the AWS console offers at the 5-version quota: delete this (non-default) version first. */
  deleteVersionId: policyVersionIdSchema.optional(),
});
export type CreatePolicyVersionInput = z.input<typeof createPolicyVersionSchema>;

export const setDefaultPolicyVersionSchema = z.object({ versionId: policyVersionIdSchema });

export const policyDescriptionsQuerySchema = z.object({
  arns: z
    .string()
    .max(20000)
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(policyArnSchema).max(100)),
});

export const policyEntityTypes = ["User", "Group", "Role"] as const;
export type PolicyEntityType = (typeof policyEntityTypes)[number];

const entityName = { User: userNameSchema, Group: groupNameSchema, Role: roleNameSchema };

/** One user, group or role, named by IAM's rules for its type. */
export const policyEntitySchema = z.object({ entityType: z.enum(policyEntityTypes), entityName: z.string() }).superRefine((v, ctx) => {
  const r = entityName[v.entityType].safeParse(v.entityName);
  if (!r.success) ctx.addIssue({ code: "custom", path: ["entityName"], message: r.error.issues[0].message });
});

export const detachPolicySchema = policyEntitySchema.and(
  z.object({ attachedAs: z.enum(["PermissionsPolicy", "PermissionsBoundary"]).default("PermissionsPolicy") }),
);
export type DetachPolicyInput = z.input<typeof detachPolicySchema>;

export const policyTagsSchema = z.object({ tags: tagsSchema });
