import { randomBytes } from "node:crypto";
import { AwsError } from "../protocol/errors";

/** Organizations' IDs, ARNs, paging and errors. */

export type Org = { org_id: string; management_account_id: string; feature_set: "ALL" | "CONSOLIDATED_BILLING"; create_date: string };

export const isoMs = (d: Date) => d.toISOString();

const LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

function lowerAlnum(n: number): string {
  const bytes = randomBytes(n);
  let s = "";
  for (let i = 0; i < n; i++) s += LOWER_ALNUM[bytes[i] % LOWER_ALNUM.length];
  return s;
}

// Lengths as AWS generates them (o-qv5af4abcd, r-zhj6, ou-zhj6-hrcu9hog, p-y4hziqde).
export const newOrgId = () => `o-${lowerAlnum(10)}`;
export const newRootId = () => `r-${lowerAlnum(4)}`;
export const newOuId = (rootId: string) => `ou-${rootId.slice(2)}-${lowerAlnum(8)}`;
export const newPolicyId = () => `p-${lowerAlnum(8)}`;
export const newHandshakeId = () => `h-${lowerAlnum(10)}`;
export const newCreateAccountRequestId = () => `car-${lowerAlnum(32)}`;
export const newResourcePolicyId = () => `rp-${lowerAlnum(8)}`;
export const newTransferId = () => `rt-${lowerAlnum(12)}`;

const base = (org: Org) => `arn:aws:organizations::${org.management_account_id}`;
export const organizationArn = (org: Org) => `${base(org)}:organization/${org.org_id}`;
export const accountArn = (org: Org, accountId: string) => `${base(org)}:account/${org.org_id}/${accountId}`;
export const rootArn = (org: Org, rootId: string) => `${base(org)}:root/${org.org_id}/${rootId}`;
export const ouArn = (org: Org, ouId: string) => `${base(org)}:ou/${org.org_id}/${ouId}`;
export const handshakeArn = (org: Org, id: string, action: string) => `${base(org)}:handshake/${org.org_id}/${action.toLowerCase()}/${id}`;
export const resourcePolicyArn = (org: Org, id: string) => `${base(org)}:resourcepolicy/${org.org_id}/${id}`;
/** A responsibility transfer as one side's organization sees it: inbound for the manager, outbound for the managed. */
export const transferArn = (org: Org, type: string, direction: "inbound" | "outbound", id: string) =>
  `${base(org)}:transfer/${org.org_id}/${type.toLowerCase()}/${direction}/${id}`;

/** AWS managed policies live under the `aws` account with no organization in their ARN. */
export function policyArn(org: Org, p: { policy_id: string; policy_type: string; org_id: string }): string {
  const type = p.policy_type.toLowerCase();
  if (p.org_id === "aws") return `arn:aws:organizations::aws:policy/${type}/${p.policy_id}`;
  return `${base(org)}:policy/${org.org_id}/${type}/${p.policy_id}`;
}

/** The ARN of a root, OU or account by its ID. */
export function targetArn(org: Org, id: string): string {
  if (id.startsWith("r-")) return rootArn(org, id);
  if (id.startsWith("ou-")) return ouArn(org, id);
  return accountArn(org, id);
}

// ---- errors: AWS's exception names, all HTTP 400; the captured wire message where one exists, else the documented one.

export const orgError = (code: string, message: string, reason?: string) => new AwsError(code, message, 400, "Sender", reason);

export const notInUse = () => orgError("AWSOrganizationsNotInUseException", "Your account is not a member of an organization.");
export const accessDeniedOrg = () => orgError("AccessDeniedException", "You don't have permissions to access this resource.");
export const alreadyInOrganization = () =>
  orgError("AlreadyInOrganizationException", "The AWS account is already a member of an organization.");

export const constraint = (reason: keyof typeof CONSTRAINTS) => orgError("ConstraintViolationException", CONSTRAINTS[reason], reason);
export const invalidInputReason = (reason: keyof typeof INVALID_INPUT) => orgError("InvalidInputException", INVALID_INPUT[reason], reason);
export const handshakeConstraint = (reason: keyof typeof HANDSHAKE_CONSTRAINTS) =>
  orgError("HandshakeConstraintViolationException", HANDSHAKE_CONSTRAINTS[reason], reason);

const CONSTRAINTS = {
  ACCOUNT_NUMBER_LIMIT_EXCEEDED:
    "You attempted to exceed the limit on the number of accounts in an organization. If you need more accounts, contact Amazon Web Services Support to request an increase in your limit.",
  OU_NUMBER_LIMIT_EXCEEDED: "You attempted to exceed the number of OUs that you can have in an organization.",
  OU_DEPTH_LIMIT_EXCEEDED: "You attempted to create an OU tree that is too many levels deep.",
  POLICY_NUMBER_LIMIT_EXCEEDED: "You attempted to exceed the number of policies that you can have in an organization.",
  POLICY_CONTENT_LIMIT_EXCEEDED: "You have exceeded the maximum policy size.",
  MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED: "You have attached the maximum number of policies to the specified target.",
  MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED:
    "You attempted to detach a policy from an entity that would cause the entity to have fewer than the minimum number of policies of a certain type required.",
  ORGANIZATION_NOT_IN_ALL_FEATURES_MODE:
    "You attempted to perform an operation that requires the organization to be configured to support all features. An organization that supports only consolidated billing features can't perform this operation.",
  WAIT_PERIOD_ACTIVE: "This operation requires a wait period.  Try again later.",
  MAX_TAG_LIMIT_EXCEEDED: "You have exceeded the number of tags allowed on this resource.",
  CANNOT_CLOSE_MANAGEMENT_ACCOUNT:
    "You attempted to close the management account. To close the management account for the organization, you must first either remove or close all member accounts in the organization. Follow standard account closure process using root credentials.",
  CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR:
    "You attempted to register the management account of the organization as a delegated administrator for an Amazon Web Services service integrated with Organizations. You can designate only a member account as a delegated administrator.",
  CANNOT_REGISTER_SUSPENDED_ACCOUNT_AS_DELEGATED_ADMINISTRATOR: "You cannot register a suspended account as a delegated administrator.",
  CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG:
    "You attempted to remove an account that is registered as a delegated administrator for a service integrated with your organization. To complete this operation, you must first deregister this account as a delegated administrator.",
  SERVICE_ACCESS_NOT_ENABLED:
    "You must enable service access before you delegate an administrator for this service. Call the AWS API EnableAWSServiceAccess first.",
  MASTER_ACCOUNT_NOT_GOVCLOUD_ENABLED:
    "To complete this operation, the management account must have an associated account in the Amazon Web Services GovCloud (US-West) Region. For more information, see Organizations in the Amazon Web Services GovCloud User Guide.",
  ACTIVE_RESPONSIBILITY_TRANSFER_PROCESS:
    "You cannot delete organization due to an ongoing responsibility transfer process. For example, a pending invitation or an in-progress transfer. To delete the organization, you must resolve the current transfer process.",
  TRANSFER_RESPONSIBILITY_UPDATE_NOT_ALLOWED:
    "You cannot update this transfer because it is no longer active. Transfers that have been withdrawn, declined, expired, or cancelled cannot be modified.",
} as const;

const INVALID_INPUT = {
  IMMUTABLE_POLICY: "You specified a policy that is managed by Amazon Web Services and can't be modified.",
  NON_DETACHABLE_POLICY: "You can't detach this Amazon Web Services Managed Policy.",
  // The wording local-aws gives every INVALID_PATTERN (protocol/wire.ts), so one parameter error reads one way.
  INVALID_PATTERN: "You provided a value that does not match the required pattern.",
  INVALID_NEXT_TOKEN: "Get the value for the NextToken parameter from the response to a previous call of the operation.",
  INVALID_ROLE_NAME: "You provided a role name that isn't valid. A role name can't begin with the reserved prefix AWSServiceRoleFor.",
  MOVING_ACCOUNT_BETWEEN_DIFFERENT_ROOTS: "You can move an account only between entities in the same root.",
  DUPLICATE_TAG_KEY: "Tag keys must be unique among the tags attached to the same entity.",
  INVALID_SYSTEM_TAGS_PARAMETER:
    "You specified a tag key that is a system tag. You can’t add, edit, or delete system tag keys because they're reserved for Amazon Web Services use. System tags don’t count against your tags per resource limit.",
  TARGET_NOT_SUPPORTED: "You can't perform the specified operation on that target entity.",
  INVALID_PARTY_TYPE_TARGET: "You specified the wrong type of entity (account, organization, or email) as a party.",
  INVALID_EMAIL_ADDRESS_TARGET: "You specified an invalid email address for the invited account owner.",
  MAX_LIMIT_EXCEEDED_FILTER: "You can specify only one filter parameter for the operation.",
  UNRECOGNIZED_SERVICE_PRINCIPAL: "You specified a service principal that isn't recognized.",
  INVALID_RESOURCE_POLICY_JSON: "You provided a resource policy that isn't valid JSON.",
  UNSUPPORTED_ACTION_IN_RESOURCE_POLICY: "You specified an action in the resource policy that isn't supported.",
  INVALID_PRINCIPAL: "You specified an invalid principal element in the policy.",
  END_DATE_NOT_END_OF_MONTH: "You provided an invalid end date. The end date must be the end of the last day of the month (23.59.59.999).",
  END_DATE_TOO_EARLY: "You provided an invalid end date. The end date is too early.",
} as const;

const HANDSHAKE_CONSTRAINTS = {
  ACCOUNT_NUMBER_LIMIT_EXCEEDED:
    "You attempted to exceed the limit on the number of accounts in an organization. Note that deleted and closed accounts still count toward your limit.",
  ALREADY_IN_AN_ORGANIZATION: "The handshake request is invalid because the invited account is already a member of an organization.",
  ORGANIZATION_ALREADY_HAS_ALL_FEATURES: "The handshake request is invalid because the organization has already enabled all features.",
  ORGANIZATION_IS_ALREADY_PENDING_ALL_FEATURES_MIGRATION:
    "The handshake request is invalid because the organization has already started the process to enable all features.",
  INVITE_DISABLED_DURING_ENABLE_ALL_FEATURES:
    "You can't issue new invitations to join an organization while it's in the process of enabling all features. You can resume inviting accounts after you finalize the process when all accounts have agreed to the change.",
  RESPONSIBILITY_TRANSFER_ALREADY_EXISTS: "You cannot perform this operation with the current transfer.",
  SOURCE_AND_TARGET_CANNOT_MATCH: "An account can't accept a transfer invitation if it is both the sender and recipient of the invitation.",
} as const;

// ---- paging: NextToken / MaxResults (at most 20, the model's limit; 20 when not given).

const DEFAULT_MAX_RESULTS = 20;

export type PageInput = { NextToken?: string; MaxResults?: number };

/** One page of an in-memory list; NextToken is opaque to callers and names the offset of the next item. */
export function page<T>(input: PageInput, all: T[]): { items: T[]; NextToken?: string } {
  const start = input.NextToken === undefined ? 0 : decodeToken(input.NextToken);
  const max = input.MaxResults ?? DEFAULT_MAX_RESULTS;
  const items = all.slice(start, start + max);
  return start + max < all.length ? { items, NextToken: encodeToken(start + max) } : { items };
}

/** The page under `name`, as Organizations' List* outputs carry it. */
export function paged<T, U>(input: PageInput, all: T[], name: string, map: (item: T) => U): Record<string, unknown> {
  const p = page(input, all);
  return { [name]: p.items.map(map), ...(p.NextToken ? { NextToken: p.NextToken } : {}) };
}

const encodeToken = (offset: number) => Buffer.from(JSON.stringify({ offset })).toString("base64");

function decodeToken(token: string): number {
  try {
    const v = JSON.parse(Buffer.from(token, "base64").toString("utf8")) as { offset?: unknown };
    if (typeof v.offset === "number" && Number.isInteger(v.offset) && v.offset >= 0) return v.offset;
  } catch {
    /* fall through */
  }
  throw invalidInputReason("INVALID_NEXT_TOKEN");
}
