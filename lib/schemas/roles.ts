import { z } from "@/lib/zod";
import { arnSchema, pathSchema, policyNameSchema, roleNameSchema, tagsSchema } from "./iam";

/** IAM and STS input rules for roles (API reference), shared by the role forms and the /api/roles handlers. */
export const accountIdSchema = z
  .string()
  .min(1, "Enter an account ID.")
  .regex(/^\d+$/, "The account ID can contain only digits (0-9).")
  .length(12, "The account ID must have exactly 12 digits.");

export const externalIdSchema = z
  .string()
  .min(2, "The external ID must have at least 2 characters.")
  .max(1224, "The external ID can have up to 1,224 characters.")
  .regex(/^[\w+=,.@:/-]*$/, "Use alphanumeric and '+=,.@:/-_' characters.");

export const roleDescriptionSchema = z
  .string()
  .max(1000, "The description can have up to 1,000 characters.")
  .regex(/^[\t\n\r\u0020-\u007E\u00A1-\u00FF]*$/, "Use letters (A-Z, a-z), numbers, spaces and common punctuation.");

export const maxSessionDurationSchema = z.coerce
  .number()
  .int("Enter a whole number of seconds.")
  .min(3600, "The maximum session duration must be at least 1 hour (3,600 seconds).")
  .max(43200, "The maximum session duration can be up to 12 hours (43,200 seconds).");

export const policyDocumentSchema = z
  .string()
  .min(1, "Enter a policy document.")
  .max(131072, "The policy document can have up to 131,072 characters.");

export const samlProviderArnSchema = z
  .string()
  .min(1, "Enter the SAML provider ARN.")
  .regex(/^arn:aws[\w-]*:iam::\d{12}:saml-provider\/[\w.-]+$/, "Enter an ARN like arn:aws:iam::123456789012:saml-provider/MyProvider.");

export const audienceSchema = z.string().min(1, "Enter the audience.").max(255, "The audience can have up to 255 characters.");

export const createRoleSchema = z.object({
  roleName: roleNameSchema,
  path: pathSchema.optional(),
  description: roleDescriptionSchema.optional(),
  assumeRolePolicyDocument: policyDocumentSchema,
  maxSessionDuration: maxSessionDurationSchema.default(3600),
  permissionsBoundary: arnSchema.optional(),
  policyArns: z.array(arnSchema).max(20).default([]),
  tags: tagsSchema.default([]),
  /** The AWS console creates an instance profile with the role's name when the trusted service is EC2. */
  instanceProfile: z.boolean().default(false),
});
export type CreateRoleInput = z.input<typeof createRoleSchema>;

export const updateRoleSchema = z.object({
  description: roleDescriptionSchema.optional(),
  maxSessionDuration: maxSessionDurationSchema.optional(),
});
export type UpdateRoleInput = z.input<typeof updateRoleSchema>;

export const trustPolicySchema = z.object({ policyDocument: policyDocumentSchema });

export const policyArnsSchema = z.object({ policyArns: z.array(arnSchema).min(1, "Choose at least one policy.").max(20) });
export const policyArnSchema = z.object({ policyArn: arnSchema });

export const inlinePolicySchema = z.object({ policyName: policyNameSchema, policyDocument: policyDocumentSchema });
export const inlinePolicyNameSchema = z.object({ policyName: policyNameSchema });

export const permissionsBoundarySchema = z.object({ permissionsBoundary: arnSchema });

export const roleTagsSchema = z.object({ tags: tagsSchema });

/** A DeleteServiceLinkedRole task, task/aws-service-role/<service>/<role>/<uuid> (1-1000 characters). */
export const deletionStatusSchema = z.object({ taskId: z.string().min(1).max(1000) });
export type DeletionStatusInput = z.infer<typeof deletionStatusSchema>;
