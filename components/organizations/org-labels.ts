import type { PolicyKind } from "@/lib/policy/types";
import type { OrgPolicyType } from "@/lib/schemas/organizations";

/** AWS Organizations' words for its policy types, as its console's Policies page lists them. */
export type PolicyTypeInfo = {
  type: OrgPolicyType;
  slug: string;
  name: string;
  singular: string;
  description: string;
  /** The grammar lib/policy checks it with; only SCPs and RCPs are edited and attached in this console. */
  kind?: Extract<PolicyKind, "scp" | "rcp">;
};

export const POLICY_TYPE_INFO: PolicyTypeInfo[] = [
  {
    type: "SERVICE_CONTROL_POLICY",
    slug: "service-control-policy",
    name: "Service control policies",
    singular: "service control policy",
    description:
      "Service control policies (SCPs) offer central control over the maximum available permissions for IAM users and IAM roles in your organization.",
    kind: "scp",
  },
  {
    type: "RESOURCE_CONTROL_POLICY",
    slug: "resource-control-policy",
    name: "Resource control policies",
    singular: "resource control policy",
    description:
      "Resource control policies (RCPs) offer central control over the maximum available permissions for resources in your organization.",
    kind: "rcp",
  },
  {
    type: "DECLARATIVE_POLICY_EC2",
    slug: "declarative-policy-ec2",
    name: "Declarative policies",
    singular: "declarative policy",
    description: "Declarative policies allow you to centrally declare and enforce desired configuration for a given AWS service at scale.",
  },
  {
    type: "BACKUP_POLICY",
    slug: "backup-policy",
    name: "Backup policies",
    singular: "backup policy",
    description: "Backup policies allow you to centrally manage and apply backup plans to the AWS resources across your organization.",
  },
  {
    type: "TAG_POLICY",
    slug: "tag-policy",
    name: "Tag policies",
    singular: "tag policy",
    description: "Tag policies allow you to standardize the tags attached to the AWS resources in your organization's accounts.",
  },
  {
    type: "CHATBOT_POLICY",
    slug: "chatbot-policy",
    name: "Chat applications policies",
    singular: "chat applications policy",
    description: "Chat applications policies allow you to control access to your organization's accounts from chat applications.",
  },
  {
    type: "AISERVICES_OPT_OUT_POLICY",
    slug: "aiservices-opt-out-policy",
    name: "AI services opt-out policies",
    singular: "AI services opt-out policy",
    description:
      "AI services opt-out policies allow you to control data collection for AWS AI services for all your organization's accounts.",
  },
];

export const EDITABLE_TYPES = POLICY_TYPE_INFO.filter((t) => t.kind);

export const typeInfo = (type: string) => POLICY_TYPE_INFO.find((t) => t.type === type);
export const typeBySlug = (slug: string) => EDITABLE_TYPES.find((t) => t.slug === slug);

export const typeHref = (type: string) => `/organizations/policies/${typeInfo(type)?.slug ?? type}`;
export const orgPolicyHref = (type: string, policyId: string, rest = "") => `${typeHref(type)}/${policyId}${rest}`;

/** The page of a root, OU or account, by the shape of its ID. */
export function nodeHref(id: string): string {
  if (id.startsWith("r-")) return `/organizations/roots/${id}`;
  if (id.startsWith("ou-")) return `/organizations/organizational-units/${id}`;
  return `/organizations/accounts/${id}`;
}

export const JOINED_METHOD: Record<string, string> = { CREATED: "Created", INVITED: "Invited" };

export const ACCOUNT_STATE: Record<string, { text: string; status: "success" | "pending" | "stopped" | "error" }> = {
  ACTIVE: { text: "Active", status: "success" },
  PENDING_ACTIVATION: { text: "Pending activation", status: "pending" },
  PENDING_CLOSURE: { text: "Pending closure", status: "pending" },
  SUSPENDED: { text: "Suspended", status: "stopped" },
  CLOSED: { text: "Closed", status: "stopped" },
};

export const TARGET_TYPE: Record<string, string> = { ROOT: "Root", ORGANIZATIONAL_UNIT: "Organizational unit", ACCOUNT: "Account" };

/** CreateAccountStatus.FailureReason in AWS's words (API reference). */
export const CREATE_ACCOUNT_FAILURE: Record<string, string> = {
  ACCOUNT_LIMIT_EXCEEDED: "The account couldn't be created because you reached the limit on the number of accounts in your organization.",
  CONCURRENT_ACCOUNT_MODIFICATION: "You already submitted a request with the same information.",
  EMAIL_ALREADY_EXISTS:
    "The account could not be created because another Amazon Web Services account with that email address already exists.",
  FAILED_BUSINESS_VALIDATION: "The Amazon Web Services account that owns your organization failed to receive business license validation.",
  GOVCLOUD_ACCOUNT_ALREADY_EXISTS:
    "The account in the Amazon Web Services GovCloud (US) Region could not be created because this Region already includes an account with that email address.",
  INVALID_ADDRESS: "The account could not be created because the address you provided is not valid.",
  INVALID_EMAIL: "The account could not be created because the email address you provided is not valid.",
  INTERNAL_FAILURE:
    "The account could not be created because of an internal failure. Try again later. If the problem persists, contact Amazon Web Services Customer Support.",
  MISSING_BUSINESS_VALIDATION: "The Amazon Web Services account that owns your organization has not received Business Validation.",
  MISSING_PAYMENT_INSTRUMENT: "You must configure the management account with a valid payment method, such as a credit card.",
  PENDING_BUSINESS_VALIDATION:
    "The Amazon Web Services account that owns your organization is still in the process of completing business license validation.",
  UNKNOWN_BUSINESS_VALIDATION:
    "The Amazon Web Services account that owns your organization has an unknown issue with business license validation.",
};

export const failureText = (reason?: string) =>
  reason ? `${reason}: ${CREATE_ACCOUNT_FAILURE[reason] ?? "The account could not be created."}` : "";
