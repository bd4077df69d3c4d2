import "server-only";
import type {
  Account,
  CreateAccountStatus,
  Handshake,
  OrganizationsClient,
  Organization,
  OrganizationalUnit,
  PolicySummary,
  Root,
} from "@aws-sdk/client-organizations";
import { organizationsClient } from "../aws-clients";
import { fromSdkError } from "../errors";
import type { Principal } from "../principal";

export type OrganizationDto = {
  id: string;
  arn: string;
  featureSet: string;
  managementAccountId: string;
  managementAccountArn: string;
  managementAccountEmail: string;
};
export type PolicyTypeStatus = { type: string; status: string };
export type RootDto = { id: string; arn: string; name: string; policyTypes: PolicyTypeStatus[] };
export type OrganizationalUnitDto = { id: string; arn: string; name: string };
export type OrgAccountDto = {
  id: string;
  arn: string;
  name: string;
  email: string;
  state: string;
  joinedMethod: string;
  joinedTimestamp: string;
};
export type OrgPolicySummary = { id: string; arn: string; name: string; description: string; type: string; awsManaged: boolean };
export type CreateAccountStatusDto = {
  id: string;
  accountName?: string;
  state: string;
  requestedTimestamp?: string;
  completedTimestamp?: string;
  accountId?: string;
  failureReason?: string;
};
export type HandshakeDto = {
  id: string;
  arn: string;
  action: string;
  state: string;
  parties: { id: string; type: string }[];
  requestedTimestamp?: string;
  expirationTimestamp?: string;
};
/** A root or OU on the way from the root down to a node, as ListParents names it. */
export type ParentRef = { id: string; type: "ROOT" | "ORGANIZATIONAL_UNIT"; name: string };

export type Ctx<I> = { principal: Principal; input: I };

const iso = (d: Date | undefined) => d?.toISOString();

export const toOrganization = (o: Organization): OrganizationDto => ({
  id: o.Id!,
  arn: o.Arn!,
  featureSet: o.FeatureSet!,
  managementAccountId: o.MasterAccountId!,
  managementAccountArn: o.MasterAccountArn!,
  managementAccountEmail: o.MasterAccountEmail ?? "",
});

export const toRoot = (r: Root): RootDto => ({
  id: r.Id!,
  arn: r.Arn!,
  name: r.Name!,
  policyTypes: (r.PolicyTypes ?? []).map((t) => ({ type: t.Type!, status: t.Status! })),
});

export const toOrganizationalUnit = (ou: OrganizationalUnit): OrganizationalUnitDto => ({ id: ou.Id!, arn: ou.Arn!, name: ou.Name! });

export const toAccount = (a: Account): OrgAccountDto => ({
  id: a.Id!,
  arn: a.Arn!,
  name: a.Name ?? "",
  email: a.Email ?? "",
  state: a.State ?? a.Status ?? "ACTIVE",
  joinedMethod: a.JoinedMethod ?? "",
  joinedTimestamp: iso(a.JoinedTimestamp) ?? "",
});

export const toPolicySummary = (p: PolicySummary): OrgPolicySummary => ({
  id: p.Id!,
  arn: p.Arn!,
  name: p.Name!,
  description: p.Description ?? "",
  type: p.Type!,
  awsManaged: p.AwsManaged ?? false,
});

export const toCreateAccountStatus = (s: CreateAccountStatus): CreateAccountStatusDto => ({
  id: s.Id!,
  accountName: s.AccountName,
  state: s.State!,
  requestedTimestamp: iso(s.RequestedTimestamp),
  completedTimestamp: iso(s.CompletedTimestamp),
  accountId: s.AccountId,
  failureReason: s.FailureReason,
});

export const toHandshake = (h: Handshake): HandshakeDto => ({
  id: h.Id!,
  arn: h.Arn!,
  action: h.Action!,
  state: h.State!,
  parties: (h.Parties ?? []).map((p) => ({ id: p.Id!, type: p.Type! })),
  requestedTimestamp: iso(h.RequestedTimestamp),
  expirationTimestamp: iso(h.ExpirationTimestamp),
});

/**
 * Runs Organizations calls as the principal; SDK exceptions become typed errors with AWS's code and message.
 * (Organizations answers every client error with HTTP 400, so the status passes through as AWS gives it.)
 */
export async function withOrganizations<T>(principal: Principal, fn: (org: OrganizationsClient) => Promise<T>) {
  const client = organizationsClient(principal);
  try {
    return await fn(client);
  } catch (err) {
    throw fromSdkError(err);
  }
}

/** Every page of a NextToken-paged Organizations list (at most 20 items a page). */
export async function allPages<T>(fetch: (token?: string) => Promise<{ items?: T[]; next?: string }>): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const r = await fetch(token);
    out.push(...(r.items ?? []));
    token = r.next;
  } while (token);
  return out;
}
