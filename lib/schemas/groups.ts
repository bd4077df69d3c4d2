import { z } from "@/lib/zod";
import { arnSchema, groupNameSchema, policyNameSchema, userNameSchema } from "./iam";

/** IAM's PolicyDocument parameter limits; the grammar itself is checked by lib/policy (the editor) and by IAM. */
export const policyDocumentSchema = z
  .string()
  .min(1, "Enter a policy document.")
  .max(131072, "The policy document can have up to 131,072 characters.");

// IAM's own quotas (10 groups per user, 10 managed policies per group) are left to IAM, so its LimitExceeded is shown.
export const createGroupSchema = z.object({
  groupName: groupNameSchema,
  userNames: z.array(userNameSchema).max(1000).default([]),
  policyArns: z.array(arnSchema).max(20, "You can attach up to 20 managed policies.").default([]),
});
export type CreateGroupInput = z.input<typeof createGroupSchema>;

export const groupUserNamesSchema = z.object({
  userNames: z.array(userNameSchema).min(1, "Select at least one user.").max(1000),
});

export const groupPolicyArnsSchema = z.object({
  policyArns: z.array(arnSchema).min(1, "Select at least one policy.").max(20, "You can attach up to 20 managed policies."),
});

export const inlinePolicySchema = z.object({
  policyName: policyNameSchema,
  policyDocument: policyDocumentSchema,
});
export type InlinePolicyInput = z.infer<typeof inlinePolicySchema>;
