import { z } from "@/lib/zod";
import { tagsSchema } from "./iam";

/** AWS Organizations' input rules (API reference and the botocore model), shared by the forms and /api/organizations. */

/** SCPs and RCPs count every character of their content, whitespace included. */
export const POLICY_CONTENT_MAX = 5120;

export const ouNameSchema = z
  .string()
  .min(1, "Enter a name for the organizational unit.")
  .max(128, "The name can have up to 128 characters.");

export const accountNameSchema = z
  .string()
  .min(1, "Enter a name for the account.")
  .max(50, "The account name can have up to 50 characters.")
  .regex(/^[\u0020-\u007E]+$/, "Use letters (A-Z, a-z), numbers, spaces and ASCII punctuation only.");

const LOCAL_PART_FORBIDDEN = /[\s"'()<>[\]:;,\\|%&]/;

/** The model's pattern and length, and the rules AWS documents for CreateAccount's Email. */
export const accountEmailSchema = z
  .string()
  .min(1, "Enter the email address of the account owner.")
  .min(6, "The email address must have at least 6 characters.")
  .max(64, "The email address can have up to 64 characters.")
  .regex(/^[\x20-\x7E]+$/, "The email address can contain only 7-bit ASCII characters.")
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "Enter a valid email address, such as name@example.com.")
  .refine((e) => !LOCAL_PART_FORBIDDEN.test(e.split("@")[0]) && !e.startsWith("."), {
    message: "The part before the @ can't begin with a dot or contain whitespace or \" ' ( ) < > [ ] : ; , \\ | % &.",
  })
  .refine(
    (e) => {
      const domain = e.slice(e.indexOf("@") + 1);
      return /^[a-zA-Z0-9.-]+$/.test(domain) && !/^[-.]|[-.]$/.test(domain);
    },
    { message: "The domain can contain only letters, numbers, dots and hyphens, and can't begin or end with a dot or hyphen." },
  );

export const accessRoleNameSchema = z
  .string()
  .max(64, "The role name can have up to 64 characters.")
  .regex(/^[\w+=,.@-]*$/, "Use alphanumeric and '+=,.@-_' characters.")
  .refine((n) => !n.startsWith("AWSServiceRoleFor"), "A role name can't begin with the reserved prefix AWSServiceRoleFor.");

/** The policy types AWS's console lists; SCPs and RCPs are the ones this console edits and attaches. */
export const ORG_POLICY_TYPES = [
  "SERVICE_CONTROL_POLICY",
  "RESOURCE_CONTROL_POLICY",
  "DECLARATIVE_POLICY_EC2",
  "BACKUP_POLICY",
  "TAG_POLICY",
  "CHATBOT_POLICY",
  "AISERVICES_OPT_OUT_POLICY",
] as const;
export const EDITABLE_POLICY_TYPES = ["SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY"] as const;
export type OrgPolicyType = (typeof ORG_POLICY_TYPES)[number];
export type EditablePolicyType = (typeof EDITABLE_POLICY_TYPES)[number];

export const policyTypeSchema = z.enum(ORG_POLICY_TYPES);
export const editablePolicyTypeSchema = z.enum(EDITABLE_POLICY_TYPES);

export const orgPolicyNameSchema = z.string().min(1, "Enter a policy name.").max(128, "The policy name can have up to 128 characters.");
export const orgPolicyDescriptionSchema = z.string().max(512, "The description can have up to 512 characters.");
export const orgPolicyContentSchema = z
  .string()
  .min(1, "Enter the policy's content.")
  .max(POLICY_CONTENT_MAX, "The policy can have up to 5,120 characters, whitespace included.");

// ---- route inputs

export const createOrganizationalUnitSchema = z.object({
  parentId: z.string().min(1),
  name: ouNameSchema,
  tags: tagsSchema.default([]),
});
export type CreateOrganizationalUnitInput = z.input<typeof createOrganizationalUnitSchema>;

export const renameOrganizationalUnitSchema = z.object({ name: ouNameSchema });

export const createAccountSchema = z.object({
  accountName: accountNameSchema,
  email: accountEmailSchema,
  roleName: accessRoleNameSchema.optional(),
  tags: tagsSchema.default([]),
});
export type CreateAccountInput = z.input<typeof createAccountSchema>;

export const createAccountStatusQuerySchema = z.object({ state: z.enum(["IN_PROGRESS", "SUCCEEDED", "FAILED"]).optional() });

export const moveAccountSchema = z.object({ sourceParentId: z.string().min(1), destinationParentId: z.string().min(1) });
export type MoveAccountInput = z.input<typeof moveAccountSchema>;

/** An invitation's target: an account ID, or the email address of the account's owner. */
export const inviteAccountSchema = z.object({
  target: z
    .string()
    .trim()
    .min(1, "Enter an account ID or email address.")
    .max(64, "The account ID or email address can have up to 64 characters.")
    .refine((t) => /^\d{12}$/.test(t) || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t), "Enter a 12-digit account ID or an email address."),
  notes: z.string().max(1024, "The message can have up to 1,024 characters.").optional(),
  tags: tagsSchema.default([]),
});
export type InviteAccountInput = z.input<typeof inviteAccountSchema>;

export const policyTypeInputSchema = z.object({ policyType: policyTypeSchema });
export const policyTypeQuerySchema = z.object({ type: policyTypeSchema });

export const createOrgPolicySchema = z.object({
  type: editablePolicyTypeSchema,
  name: orgPolicyNameSchema,
  description: orgPolicyDescriptionSchema.default(""),
  content: orgPolicyContentSchema,
  tags: tagsSchema.default([]),
});
export type CreateOrgPolicyInput = z.input<typeof createOrgPolicySchema>;

export const updateOrgPolicySchema = z.object({
  name: orgPolicyNameSchema,
  description: orgPolicyDescriptionSchema.default(""),
  content: orgPolicyContentSchema,
});
export type UpdateOrgPolicyInput = z.input<typeof updateOrgPolicySchema>;

export const attachPolicySchema = z.object({ policyId: z.string().min(1) });

export const orgTagsSchema = z.object({ tags: tagsSchema });
