import type { Ctx } from "../context";
import { delegationRequestArn, findDelegationRequest } from "../iam/delegation-requests";
import { on, type Check, type Keys } from "./checks";
import { account } from "./targets";
import type { ActionRule } from "./actions";

/** A delegation request, by the ARN the caller's account names it with, with its owner as iam:DelegationRequestOwner. */
function delegationRequest(ctx: Ctx, id: string) {
  const arn = delegationRequestArn(ctx.accountId, id);
  const row = findDelegationRequest(ctx, id);
  const keys: Keys = row?.owner_id ? { "iam:DelegationRequestOwner": row.owner_id } : {};
  return { target: { arn, display: arn }, keys, owner: row?.owner_id };
}

const onRequest = (action: string) => (i: { DelegationRequestId: string }, ctx: Ctx) => {
  const r = delegationRequest(ctx, i.DelegationRequestId);
  return [on(action, r.target, r.keys)];
};

/** What the owner of a request may do without a policy saying so (the IAM User Guide's default permissions). */
const ownerDefault = (action: string) => (i: { DelegationRequestId: string }, ctx: Ctx) => {
  const r = delegationRequest(ctx, i.DelegationRequestId);
  return r.owner && r.owner === ctx.caller.arn ? [] : [on(action, r.target, r.keys)];
};

const ENTITY_ID = /^arn:aws:iam::\d{12}:delegation-request\/([\w-]+)$/;

const namespaces = (properties: Record<string, string> | undefined) => [
  ...new Set(Object.keys(properties ?? {}).map((k) => k.split("/")[0])),
];

/** After the Service Authorization Reference: account-wide actions take resource "*"; delegation requests their ARN. */
export const accountFeatureRules: Record<string, ActionRule> = {
  SetSecurityTokenServicePreferences: () => [on("SetSecurityTokenServicePreferences", account)],
  GetAccountProperties: () => [on("GetAccountProperties", account)],
  PutAccountProperties: (i) => [on("PutAccountProperties", account, { "iam:AccountPropertyNamespaces": namespaces(i.Properties) })],
  EnableOutboundWebIdentityFederation: () => [on("EnableOutboundWebIdentityFederation", account)],
  DisableOutboundWebIdentityFederation: () => [on("DisableOutboundWebIdentityFederation", account)],
  GetOutboundWebIdentityFederationInfo: () => [on("GetOutboundWebIdentityFederationInfo", account)],

  EnableOrganizationsRootCredentialsManagement: () => [on("EnableOrganizationsRootCredentialsManagement", account)],
  DisableOrganizationsRootCredentialsManagement: () => [on("DisableOrganizationsRootCredentialsManagement", account)],
  EnableOrganizationsRootSessions: () => [on("EnableOrganizationsRootSessions", account)],
  DisableOrganizationsRootSessions: () => [on("DisableOrganizationsRootSessions", account)],
  ListOrganizationsFeatures: () => [on("ListOrganizationsFeatures", account)],

  CreateDelegationRequest: (i, ctx): Check[] => {
    const arn = delegationRequestArn(ctx.accountId, "*");
    const keys = {
      "iam:DelegationDuration": String(i.SessionDuration),
      "iam:NotificationChannel": i.NotificationChannel,
      ...(i.Permissions?.PolicyTemplateArn ? { "iam:TemplateArn": i.Permissions.PolicyTemplateArn } : {}),
    };
    return [on("CreateDelegationRequest", { arn, display: arn }, keys)];
  },
  GetDelegationRequest: ownerDefault("GetDelegationRequest"),
  UpdateDelegationRequest: ownerDefault("UpdateDelegationRequest"),
  ListDelegationRequests: (i) => [on("ListDelegationRequests", account, i.OwnerId ? { "iam:DelegationRequestOwner": i.OwnerId } : {})],
  AssociateDelegationRequest: onRequest("AssociateDelegationRequest"),
  AcceptDelegationRequest: onRequest("AcceptDelegationRequest"),
  RejectDelegationRequest: onRequest("RejectDelegationRequest"),
  SendDelegationToken: onRequest("SendDelegationToken"),
  GetHumanReadableSummary: (i, ctx) => {
    const id = ENTITY_ID.exec(i.EntityArn)?.[1];
    if (!id) return [on("GetHumanReadableSummary", { arn: i.EntityArn, display: i.EntityArn })];
    return ownerDefault("GetHumanReadableSummary")({ DelegationRequestId: id }, ctx);
  },

  GetRoleTemplateVersion: (i) => [on("GetRoleTemplateVersion", { arn: i.TemplateArn, display: i.TemplateArn })],
  AcquireRole: (i) => [on("AcquireRole", { arn: i.TemplateArn, display: i.TemplateArn })],
};
