import type { Ctx } from "../context";
import type { Db } from "../store/db";
import { sql } from "../store/db";
import { policyArn, resourcePolicyArn, targetArn, handshakeArn, transferArn, type Org } from "../organizations/shared";
import { getOrg, orgOfAccount } from "../organizations/tree";
import { checkOn, requestTags, tagKeys, type Check, type Keys } from "./checks";
import type { ActionRule } from "./actions";
import type { Target } from "./targets";

/**
 * Organizations actions and the resources they are authorized on, after the Service Authorization Reference
 * (organizations: account, organizationalunit, root, policy, handshake, resourcepolicy; organizations:PolicyType,
 * organizations:ServicePrincipal). A resource this account's organization doesn't have (or no organization at all)
 * is authorized as `*`; the handler then answers with the Organizations error.
 */

const ANY: Target = { arn: "*", display: "*" };

type Tag = { Key: string; Value?: string };

const tagsOf = (db: Db, id: string) =>
  sql(db, "SELECT key, value FROM org_tags WHERE resource_id = ? ORDER BY seq").all(id) as { key: string; value: string }[];

const orgOf = (ctx: Ctx) => orgOfAccount(ctx.db, ctx.accountId);

const target = (arn: string, tags: { key: string; value: string }[]): Target => ({ arn, display: arn, ...(tags.length ? { tags } : {}) });

/** A root, OU or account of the caller's organization. */
function node(ctx: Ctx, id: string | undefined): Target {
  const org = orgOf(ctx);
  if (!org || !id) return ANY;
  const known = id.startsWith("r-")
    ? sql(ctx.db, "SELECT 1 FROM org_roots WHERE root_id = ? AND org_id = ?").get(id, org.org_id)
    : id.startsWith("ou-")
      ? sql(ctx.db, "SELECT 1 FROM org_units WHERE ou_id = ? AND org_id = ?").get(id, org.org_id)
      : sql(ctx.db, "SELECT 1 FROM org_members WHERE account_id = ? AND org_id = ?").get(id, org.org_id);
  return known ? target(targetArn(org, id), tagsOf(ctx.db, id)) : ANY;
}

type PolicyTarget = { target: Target; type?: string };

/** A policy the caller's organization can see (its own or AWS managed), with its type for organizations:PolicyType. */
function policy(ctx: Ctx, id: string | undefined): PolicyTarget {
  const org = orgOf(ctx);
  const row =
    org &&
    id &&
    (sql(ctx.db, "SELECT policy_id, org_id, policy_type FROM org_policies WHERE policy_id = ? AND org_id IN (?, 'aws')").get(
      id,
      org.org_id,
    ) as { policy_id: string; org_id: string; policy_type: string } | undefined);
  if (!org || !row) return { target: ANY };
  return { target: target(policyArn(org, row), row.org_id === "aws" ? [] : tagsOf(ctx.db, row.policy_id)), type: row.policy_type };
}

const policyType = (type: string | undefined): Keys => (type ? { "organizations:PolicyType": type } : {});
const principalKey = (sp: string | undefined): Keys => (sp ? { "organizations:ServicePrincipal": sp } : {});

/** Any taggable resource: account, root, OU, policy or the resource policy. */
function taggable(ctx: Ctx, id: string): PolicyTarget {
  if (id.startsWith("p-")) return policy(ctx, id);
  if (id.startsWith("rp-")) {
    const org = orgOf(ctx);
    const row = org && sql(ctx.db, "SELECT 1 FROM org_resource_policies WHERE policy_id = ? AND org_id = ?").get(id, org.org_id);
    return { target: org && row ? target(resourcePolicyArn(org, id), tagsOf(ctx.db, id)) : ANY };
  }
  return { target: node(ctx, id) };
}

function handshake(ctx: Ctx, id: string): Target {
  const h = sql(ctx.db, "SELECT org_id, action FROM org_handshakes WHERE handshake_id = ?").get(id) as
    { org_id: string; action: string } | undefined;
  const org: Org | undefined = h && getOrg(ctx.db, h.org_id);
  return h && org ? target(handshakeArn(org, id, h.action), []) : ANY;
}

const transferKeys = (type: string | undefined, direction: "INBOUND" | "OUTBOUND"): Keys =>
  type ? { "organizations:TransferType": type, "organizations:TransferDirection": direction } : {};

/** A transfer, by the ARN it has on the caller's side (inbound for the managing account, outbound for the managed). */
function onTransfer(action: string, ctx: Ctx, id: string): Check[] {
  const org = orgOf(ctx);
  const t =
    org &&
    (sql(ctx.db, "SELECT type, target_account_id FROM org_responsibility_transfers WHERE transfer_id = ?").get(id) as
      { type: string; target_account_id: string } | undefined);
  if (!org || !t) return [on(action, ANY)];
  const direction = t.target_account_id === ctx.accountId ? "INBOUND" : "OUTBOUND";
  const arn = transferArn(org, t.type, direction === "INBOUND" ? "inbound" : "outbound", id);
  return [on(action, target(arn, []), transferKeys(t.type, direction))];
}

/** The ARN a policy about to be created is authorized on: its type's path in the organization. */
function newPolicy(ctx: Ctx, type: string): Target {
  const org = orgOf(ctx);
  return org ? target(`arn:aws:organizations::${org.management_account_id}:policy/${org.org_id}/${type.toLowerCase()}/p-*`, []) : ANY;
}

function newResourcePolicy(ctx: Ctx): Target {
  const org = orgOf(ctx);
  if (!org) return ANY;
  const row = sql(ctx.db, "SELECT policy_id FROM org_resource_policies WHERE org_id = ?").get(org.org_id) as
    { policy_id: string } | undefined;
  return target(resourcePolicyArn(org, row?.policy_id ?? "rp-*"), row ? tagsOf(ctx.db, row.policy_id) : []);
}

const on = (action: string, t: Target, keys: Keys = {}): Check => checkOn(`organizations:${action}`, t, keys);

/** "If the request includes tags, then the requester must have the organizations:TagResource permission." */
function tagged(action: string, t: Target, tags: Tag[] | undefined, keys: Keys = {}): Check[] {
  const checks = [on(action, t, { ...keys, ...requestTags(tags) })];
  if (tags?.length) checks.push(on("TagResource", t, { ...keys, ...requestTags(tags) }));
  return checks;
}

const withPolicy = (action: string, p: PolicyTarget, extra: Target[] = []): Check[] =>
  [p.target, ...extra].map((t) => on(action, t, policyType(p.type)));

/** One entry per implemented Organizations action. */
export const organizationsRules: Record<string, ActionRule> = {
  // the organization
  CreateOrganization: () => [on("CreateOrganization", ANY)],
  DescribeOrganization: () => [on("DescribeOrganization", ANY)],
  DeleteOrganization: () => [on("DeleteOrganization", ANY)],
  EnableAllFeatures: () => [on("EnableAllFeatures", ANY)],
  ListRoots: () => [on("ListRoots", ANY)],
  EnablePolicyType: (i, ctx) => [on("EnablePolicyType", node(ctx, i.RootId), policyType(i.PolicyType))],
  DisablePolicyType: (i, ctx) => [on("DisablePolicyType", node(ctx, i.RootId), policyType(i.PolicyType))],

  // organizational units
  CreateOrganizationalUnit: (i, ctx) => tagged("CreateOrganizationalUnit", node(ctx, i.ParentId), i.Tags),
  DescribeOrganizationalUnit: (i, ctx) => [on("DescribeOrganizationalUnit", node(ctx, i.OrganizationalUnitId))],
  UpdateOrganizationalUnit: (i, ctx) => [on("UpdateOrganizationalUnit", node(ctx, i.OrganizationalUnitId))],
  DeleteOrganizationalUnit: (i, ctx) => [on("DeleteOrganizationalUnit", node(ctx, i.OrganizationalUnitId))],
  ListOrganizationalUnitsForParent: (i, ctx) => [on("ListOrganizationalUnitsForParent", node(ctx, i.ParentId))],
  ListChildren: (i, ctx) => [on("ListChildren", node(ctx, i.ParentId))],
  ListParents: (i, ctx) => [on("ListParents", node(ctx, i.ChildId))],

  // accounts
  CreateAccount: (i) => tagged("CreateAccount", ANY, i.Tags),
  CreateGovCloudAccount: (i) => tagged("CreateGovCloudAccount", ANY, i.Tags),
  DescribeCreateAccountStatus: () => [on("DescribeCreateAccountStatus", ANY)],
  ListCreateAccountStatus: () => [on("ListCreateAccountStatus", ANY)],
  DescribeAccount: (i, ctx) => [on("DescribeAccount", node(ctx, i.AccountId))],
  ListAccounts: () => [on("ListAccounts", ANY)],
  ListAccountsForParent: (i, ctx) => [on("ListAccountsForParent", node(ctx, i.ParentId))],
  MoveAccount: (i, ctx) => [
    on("MoveAccount", node(ctx, i.AccountId)),
    on("MoveAccount", node(ctx, i.SourceParentId)),
    on("MoveAccount", node(ctx, i.DestinationParentId)),
  ],
  RemoveAccountFromOrganization: (i, ctx) => [on("RemoveAccountFromOrganization", node(ctx, i.AccountId))],
  CloseAccount: (i, ctx) => [on("CloseAccount", node(ctx, i.AccountId))],
  LeaveOrganization: () => [on("LeaveOrganization", ANY)],

  // policies
  CreatePolicy: (i, ctx) => tagged("CreatePolicy", newPolicy(ctx, i.Type), i.Tags, policyType(i.Type)),
  DescribePolicy: (i, ctx) => withPolicy("DescribePolicy", policy(ctx, i.PolicyId)),
  UpdatePolicy: (i, ctx) => withPolicy("UpdatePolicy", policy(ctx, i.PolicyId)),
  DeletePolicy: (i, ctx) => withPolicy("DeletePolicy", policy(ctx, i.PolicyId)),
  ListPolicies: (i) => [on("ListPolicies", ANY, policyType(i.Filter))],
  AttachPolicy: (i, ctx) => withPolicy("AttachPolicy", policy(ctx, i.PolicyId), [node(ctx, i.TargetId)]),
  DetachPolicy: (i, ctx) => withPolicy("DetachPolicy", policy(ctx, i.PolicyId), [node(ctx, i.TargetId)]),
  ListPoliciesForTarget: (i, ctx) => [on("ListPoliciesForTarget", node(ctx, i.TargetId), policyType(i.Filter))],
  ListTargetsForPolicy: (i, ctx) => withPolicy("ListTargetsForPolicy", policy(ctx, i.PolicyId)),
  DescribeEffectivePolicy: (i, ctx) => [on("DescribeEffectivePolicy", node(ctx, i.TargetId ?? ctx.accountId), policyType(i.PolicyType))],
  ListAccountsWithInvalidEffectivePolicy: (i) => [on("ListAccountsWithInvalidEffectivePolicy", ANY, policyType(i.PolicyType))],
  ListEffectivePolicyValidationErrors: (i, ctx) => [
    on("ListEffectivePolicyValidationErrors", node(ctx, i.AccountId), policyType(i.PolicyType)),
  ],

  // tags
  TagResource: (i, ctx) => {
    const t = taggable(ctx, i.ResourceId);
    return [on("TagResource", t.target, { ...policyType(t.type), ...requestTags(i.Tags) })];
  },
  UntagResource: (i, ctx) => {
    const t = taggable(ctx, i.ResourceId);
    return [on("UntagResource", t.target, { ...policyType(t.type), ...tagKeys(i.TagKeys) })];
  },
  ListTagsForResource: (i, ctx) => {
    const t = taggable(ctx, i.ResourceId);
    return [on("ListTagsForResource", t.target, policyType(t.type))];
  },

  // handshakes
  InviteAccountToOrganization: (i, ctx) =>
    tagged("InviteAccountToOrganization", i.Target?.Type === "ACCOUNT" ? accountArnTarget(ctx, i.Target.Id) : ANY, i.Tags),
  AcceptHandshake: (i, ctx) => [on("AcceptHandshake", handshake(ctx, i.HandshakeId))],
  DeclineHandshake: (i, ctx) => [on("DeclineHandshake", handshake(ctx, i.HandshakeId))],
  CancelHandshake: (i, ctx) => [on("CancelHandshake", handshake(ctx, i.HandshakeId))],
  DescribeHandshake: (i, ctx) => [on("DescribeHandshake", handshake(ctx, i.HandshakeId))],
  ListHandshakesForAccount: () => [on("ListHandshakesForAccount", ANY)],
  ListHandshakesForOrganization: () => [on("ListHandshakesForOrganization", ANY)],

  // billing responsibility transfers
  InviteOrganizationToTransferResponsibility: (i) => [
    on("InviteOrganizationToTransferResponsibility", ANY, transferKeys(i.Type, "INBOUND")),
  ],
  DescribeResponsibilityTransfer: (i, ctx) => onTransfer("DescribeResponsibilityTransfer", ctx, i.Id),
  UpdateResponsibilityTransfer: (i, ctx) => onTransfer("UpdateResponsibilityTransfer", ctx, i.Id),
  TerminateResponsibilityTransfer: (i, ctx) => onTransfer("TerminateResponsibilityTransfer", ctx, i.Id),
  ListInboundResponsibilityTransfers: (i) => [on("ListInboundResponsibilityTransfers", ANY, transferKeys(i.Type, "INBOUND"))],
  ListOutboundResponsibilityTransfers: (i) => [on("ListOutboundResponsibilityTransfers", ANY, transferKeys(i.Type, "OUTBOUND"))],

  // delegated administrators, trusted service access, the organization's resource policy
  RegisterDelegatedAdministrator: (i, ctx) => [
    on("RegisterDelegatedAdministrator", node(ctx, i.AccountId), principalKey(i.ServicePrincipal)),
  ],
  DeregisterDelegatedAdministrator: (i, ctx) => [
    on("DeregisterDelegatedAdministrator", node(ctx, i.AccountId), principalKey(i.ServicePrincipal)),
  ],
  ListDelegatedAdministrators: (i) => [on("ListDelegatedAdministrators", ANY, principalKey(i.ServicePrincipal))],
  ListDelegatedServicesForAccount: (i, ctx) => [on("ListDelegatedServicesForAccount", node(ctx, i.AccountId))],
  EnableAWSServiceAccess: (i) => [on("EnableAWSServiceAccess", ANY, principalKey(i.ServicePrincipal))],
  DisableAWSServiceAccess: (i) => [on("DisableAWSServiceAccess", ANY, principalKey(i.ServicePrincipal))],
  ListAWSServiceAccessForOrganization: () => [on("ListAWSServiceAccessForOrganization", ANY)],
  PutResourcePolicy: (i, ctx) => {
    const t = newResourcePolicy(ctx);
    const checks = [on("PutResourcePolicy", t, requestTags(i.Tags))];
    if (i.Tags?.length) checks.push(on("TagResource", t, requestTags(i.Tags)));
    return checks;
  },
  DescribeResourcePolicy: () => [on("DescribeResourcePolicy", ANY)],
  DeleteResourcePolicy: () => [on("DeleteResourcePolicy", ANY)],
};

/** An account invited by ID is authorized on the ARN it will have in the organization. */
function accountArnTarget(ctx: Ctx, accountId: string): Target {
  const org = orgOf(ctx);
  return org && /^\d{12}$/.test(accountId) ? target(targetArn(org, accountId), []) : ANY;
}

/**
 * Organizations actions that cannot change what a principal may do (reads, and writes that touch no SCP or RCP
 * attachment, content or account placement): they keep the principal and organization-layer caches.
 */
export const ORGANIZATIONS_KEEPS_PRINCIPALS = new Set([
  "CreateOrganization",
  "CreateOrganizationalUnit",
  "UpdateOrganizationalUnit",
  "DeleteOrganizationalUnit",
  "CreateAccount",
  "CreateGovCloudAccount",
  "CloseAccount",
  "CreatePolicy",
  "TagResource",
  "UntagResource",
  "InviteAccountToOrganization",
  "DeclineHandshake",
  "CancelHandshake",
  "EnableAllFeatures",
  "InviteOrganizationToTransferResponsibility",
  "UpdateResponsibilityTransfer",
  "TerminateResponsibilityTransfer",
  "RegisterDelegatedAdministrator",
  "DeregisterDelegatedAdministrator",
  "EnableAWSServiceAccess",
  "DisableAWSServiceAccess",
  "PutResourcePolicy",
  "DeleteResourcePolicy",
]);
