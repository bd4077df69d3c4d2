import type { Ctx } from "../context";
import { sql } from "../store/db";
import { boundaryKey, createTagged, on, requestTags, tagKeys, type Check } from "./checks";
import * as t from "./targets";
import { stsRules } from "./sts-rules";
import { organizationsRules } from "./org-rules";
import { accountFeatureRules } from "./account-rules";
import { serviceLinkedRoleRules } from "./service-linked-rules";
import { lastAccessedRules } from "./last-accessed-rules";
import { credentialRules } from "./credential-rules";

/** What one API action asks to be authorized, from its parsed input; [] when AWS authorizes nothing for it. */
export type ActionRule = (input: any, ctx: Ctx) => Check[];

/** The named user, else the calling IAM user (UserName is optional for self-service actions). */
function userOrSelf(ctx: Ctx, userName: string | undefined): t.Target | undefined {
  return userName !== undefined ? t.user(ctx, userName) : t.self(ctx);
}

/** AWS's message for access-key actions on the caller's own user reads `user null<name>` (no user name was sent). */
function keyOwner(ctx: Ctx, userName: string | undefined): t.Target | undefined {
  const target = userOrSelf(ctx, userName);
  return target && userName === undefined ? { ...target, display: `user null${ctx.caller.userName}` } : target;
}

const one = (action: string, target: t.Target | undefined, keys = {}): Check[] => (target ? [on(action, target, keys)] : []);

/** UpdateUser/UpdateGroup need permission on the entity and, when renamed or moved, on what it becomes. */
function renamed(
  ctx: Ctx,
  action: string,
  type: "user" | "group",
  current: t.Target,
  name: string,
  newName?: string,
  newPath?: string,
): Check[] {
  if (newName === undefined && newPath === undefined) return [on(action, current)];
  const prefix = `arn:aws:iam::${ctx.accountId}:${type}`;
  const path = newPath ?? current.arn.slice(prefix.length, current.arn.length - name.length);
  const arn = `${prefix}${path}${newName ?? name}`;
  return [on(action, current), on(action, { arn, display: `${type} ${newName ?? name}` })];
}

/** The user an access key belongs to; the root's own keys are authorized on the root. */
function keyUser(ctx: Ctx, accessKeyId: string): t.Target | undefined {
  const row = sql(
    ctx.db,
    "SELECT u.name FROM access_keys k LEFT JOIN users u ON u.user_id = k.user_id WHERE k.access_key_id = ? AND k.account_id = ?",
  ).get(accessKeyId, ctx.accountId) as { name: string | null } | undefined;
  if (!row) return undefined;
  return row.name ? t.user(ctx, row.name) : { arn: `arn:aws:iam::${ctx.accountId}:root`, display: `arn:aws:iam::${ctx.accountId}:root` };
}

const principalRules = (kind: "User" | "Group" | "Role", target: (ctx: Ctx, name: string) => t.Target): Record<string, ActionRule> => ({
  [`Attach${kind}Policy`]: (i, ctx) => [on(`Attach${kind}Policy`, target(ctx, i[`${kind}Name`]), { "iam:PolicyARN": i.PolicyArn })],
  [`Detach${kind}Policy`]: (i, ctx) => [on(`Detach${kind}Policy`, target(ctx, i[`${kind}Name`]), { "iam:PolicyARN": i.PolicyArn })],
  [`ListAttached${kind}Policies`]: (i, ctx) => [on(`ListAttached${kind}Policies`, target(ctx, i[`${kind}Name`]))],
  [`Put${kind}Policy`]: (i, ctx) => [on(`Put${kind}Policy`, target(ctx, i[`${kind}Name`]))],
  [`Get${kind}Policy`]: (i, ctx) => [on(`Get${kind}Policy`, target(ctx, i[`${kind}Name`]))],
  [`Delete${kind}Policy`]: (i, ctx) => [on(`Delete${kind}Policy`, target(ctx, i[`${kind}Name`]))],
  [`List${kind}Policies`]: (i, ctx) => [on(`List${kind}Policies`, target(ctx, i[`${kind}Name`]))],
});

const oidc = (ctx: Ctx, i: { OpenIDConnectProviderArn: string }) => t.identityProvider(ctx, "oidc-provider", i.OpenIDConnectProviderArn);
const saml = (ctx: Ctx, i: { SAMLProviderArn: string }) => t.identityProvider(ctx, "saml-provider", i.SAMLProviderArn);
const oidcRules = (actions: string[]): Record<string, ActionRule> =>
  Object.fromEntries(actions.map((a) => [a, (i, ctx) => [on(a, oidc(ctx, i))]]));
const samlRules = (actions: string[]): Record<string, ActionRule> =>
  Object.fromEntries(actions.map((a) => [a, (i, ctx) => [on(a, saml(ctx, i))]]));

/** One entry per implemented IAM action, after the Service Authorization Reference's resource types and keys. */
export const iamRules: Record<string, ActionRule> = {
  // users
  CreateUser: (i, ctx) =>
    createTagged("CreateUser", "TagUser", t.created(ctx, "user", i.Path, i.UserName), i.Tags, boundaryKey(i.PermissionsBoundary)),
  GetUser: (i, ctx) => one("GetUser", userOrSelf(ctx, i.UserName)),
  ListUsers: (i, ctx) => [on("ListUsers", t.listing(ctx, "user", i.PathPrefix))],
  UpdateUser: (i, ctx) => renamed(ctx, "UpdateUser", "user", t.user(ctx, i.UserName), i.UserName, i.NewUserName, i.NewPath),
  DeleteUser: (i, ctx) => [on("DeleteUser", t.user(ctx, i.UserName))],
  TagUser: (i, ctx) => [on("TagUser", t.user(ctx, i.UserName), requestTags(i.Tags))],
  UntagUser: (i, ctx) => [on("UntagUser", t.user(ctx, i.UserName), tagKeys(i.TagKeys))],
  ListUserTags: (i, ctx) => [on("ListUserTags", t.user(ctx, i.UserName))],
  PutUserPermissionsBoundary: (i, ctx) => [on("PutUserPermissionsBoundary", t.user(ctx, i.UserName), boundaryKey(i.PermissionsBoundary))],
  DeleteUserPermissionsBoundary: (i, ctx) => [on("DeleteUserPermissionsBoundary", t.user(ctx, i.UserName))],

  // groups
  CreateGroup: (i, ctx) => [on("CreateGroup", t.created(ctx, "group", i.Path, i.GroupName))],
  GetGroup: (i, ctx) => [on("GetGroup", t.group(ctx, i.GroupName))],
  ListGroups: (i, ctx) => [on("ListGroups", t.listing(ctx, "group", i.PathPrefix))],
  UpdateGroup: (i, ctx) => renamed(ctx, "UpdateGroup", "group", t.group(ctx, i.GroupName), i.GroupName, i.NewGroupName, i.NewPath),
  DeleteGroup: (i, ctx) => [on("DeleteGroup", t.group(ctx, i.GroupName))],
  AddUserToGroup: (i, ctx) => [on("AddUserToGroup", t.group(ctx, i.GroupName))],
  RemoveUserFromGroup: (i, ctx) => [on("RemoveUserFromGroup", t.group(ctx, i.GroupName))],
  ListGroupsForUser: (i, ctx) => [on("ListGroupsForUser", t.user(ctx, i.UserName))],

  // roles
  CreateRole: (i, ctx) =>
    createTagged("CreateRole", "TagRole", t.created(ctx, "role", i.Path, i.RoleName), i.Tags, boundaryKey(i.PermissionsBoundary)),
  GetRole: (i, ctx) => [on("GetRole", t.role(ctx, i.RoleName))],
  ListRoles: (i, ctx) => [on("ListRoles", t.listing(ctx, "role", i.PathPrefix))],
  UpdateRole: (i, ctx) => [on("UpdateRole", t.role(ctx, i.RoleName))],
  UpdateRoleDescription: (i, ctx) => [on("UpdateRoleDescription", t.role(ctx, i.RoleName))],
  UpdateAssumeRolePolicy: (i, ctx) => [on("UpdateAssumeRolePolicy", t.role(ctx, i.RoleName))],
  DeleteRole: (i, ctx) => [on("DeleteRole", t.role(ctx, i.RoleName))],
  TagRole: (i, ctx) => [on("TagRole", t.role(ctx, i.RoleName), requestTags(i.Tags))],
  UntagRole: (i, ctx) => [on("UntagRole", t.role(ctx, i.RoleName), tagKeys(i.TagKeys))],
  ListRoleTags: (i, ctx) => [on("ListRoleTags", t.role(ctx, i.RoleName))],
  PutRolePermissionsBoundary: (i, ctx) => [on("PutRolePermissionsBoundary", t.role(ctx, i.RoleName), boundaryKey(i.PermissionsBoundary))],
  DeleteRolePermissionsBoundary: (i, ctx) => [on("DeleteRolePermissionsBoundary", t.role(ctx, i.RoleName))],

  // instance profiles; giving one a role passes the role to EC2
  CreateInstanceProfile: (i, ctx) =>
    createTagged("CreateInstanceProfile", "TagInstanceProfile", t.created(ctx, "instance-profile", i.Path, i.InstanceProfileName), i.Tags),
  GetInstanceProfile: (i, ctx) => [on("GetInstanceProfile", t.instanceProfile(ctx, i.InstanceProfileName))],
  ListInstanceProfiles: (i, ctx) => [on("ListInstanceProfiles", t.listing(ctx, "instance-profile", i.PathPrefix))],
  DeleteInstanceProfile: (i, ctx) => [on("DeleteInstanceProfile", t.instanceProfile(ctx, i.InstanceProfileName))],
  AddRoleToInstanceProfile: (i, ctx) => {
    const passed = t.role(ctx, i.RoleName);
    return [
      on("AddRoleToInstanceProfile", t.instanceProfile(ctx, i.InstanceProfileName)),
      on("PassRole", { ...passed, display: passed.arn }, { "iam:PassedToService": "ec2.amazonaws.com" }),
    ];
  },
  RemoveRoleFromInstanceProfile: (i, ctx) => [on("RemoveRoleFromInstanceProfile", t.instanceProfile(ctx, i.InstanceProfileName))],
  ListInstanceProfilesForRole: (i, ctx) => [on("ListInstanceProfilesForRole", t.role(ctx, i.RoleName))],
  TagInstanceProfile: (i, ctx) => [on("TagInstanceProfile", t.instanceProfile(ctx, i.InstanceProfileName), requestTags(i.Tags))],
  UntagInstanceProfile: (i, ctx) => [on("UntagInstanceProfile", t.instanceProfile(ctx, i.InstanceProfileName), tagKeys(i.TagKeys))],
  ListInstanceProfileTags: (i, ctx) => [on("ListInstanceProfileTags", t.instanceProfile(ctx, i.InstanceProfileName))],

  // managed policies
  CreatePolicy: (i, ctx) => createTagged("CreatePolicy", "TagPolicy", t.createdPolicy(ctx, i.Path, i.PolicyName), i.Tags),
  GetPolicy: (i, ctx) => [on("GetPolicy", t.policy(ctx, i.PolicyArn))],
  ListPolicies: (i, ctx) => [on("ListPolicies", t.listing(ctx, "policy", i.PathPrefix))],
  DeletePolicy: (i, ctx) => [on("DeletePolicy", t.policy(ctx, i.PolicyArn))],
  CreatePolicyVersion: (i, ctx) => [on("CreatePolicyVersion", t.policy(ctx, i.PolicyArn))],
  GetPolicyVersion: (i, ctx) => [on("GetPolicyVersion", t.policy(ctx, i.PolicyArn))],
  ListPolicyVersions: (i, ctx) => [on("ListPolicyVersions", t.policy(ctx, i.PolicyArn))],
  DeletePolicyVersion: (i, ctx) => [on("DeletePolicyVersion", t.policy(ctx, i.PolicyArn))],
  SetDefaultPolicyVersion: (i, ctx) => [on("SetDefaultPolicyVersion", t.policy(ctx, i.PolicyArn))],
  TagPolicy: (i, ctx) => [on("TagPolicy", t.policy(ctx, i.PolicyArn), requestTags(i.Tags))],
  UntagPolicy: (i, ctx) => [on("UntagPolicy", t.policy(ctx, i.PolicyArn), tagKeys(i.TagKeys))],
  ListPolicyTags: (i, ctx) => [on("ListPolicyTags", t.policy(ctx, i.PolicyArn))],
  ListEntitiesForPolicy: (i, ctx) => [on("ListEntitiesForPolicy", t.policy(ctx, i.PolicyArn))],

  // attached and inline policies of users, groups and roles
  ...principalRules("User", t.user),
  ...principalRules("Group", t.group),
  ...principalRules("Role", t.role),

  // console passwords
  CreateLoginProfile: (i, ctx) => one("CreateLoginProfile", userOrSelf(ctx, i.UserName)),
  GetLoginProfile: (i, ctx) => one("GetLoginProfile", userOrSelf(ctx, i.UserName)),
  UpdateLoginProfile: (i, ctx) => [on("UpdateLoginProfile", t.user(ctx, i.UserName))],
  DeleteLoginProfile: (i, ctx) => one("DeleteLoginProfile", userOrSelf(ctx, i.UserName)),
  ChangePassword: (_i, ctx) => one("ChangePassword", t.self(ctx)),
  UpdateAccountPasswordPolicy: () => [on("UpdateAccountPasswordPolicy", t.account)],
  GetAccountPasswordPolicy: () => [on("GetAccountPasswordPolicy", t.account)],
  DeleteAccountPasswordPolicy: () => [on("DeleteAccountPasswordPolicy", t.account)],

  // access keys
  CreateAccessKey: (i, ctx) => one("CreateAccessKey", keyOwner(ctx, i.UserName)),
  ListAccessKeys: (i, ctx) => one("ListAccessKeys", keyOwner(ctx, i.UserName)),
  UpdateAccessKey: (i, ctx) => one("UpdateAccessKey", keyOwner(ctx, i.UserName)),
  DeleteAccessKey: (i, ctx) => one("DeleteAccessKey", keyOwner(ctx, i.UserName)),
  GetAccessKeyLastUsed: (i, ctx) => one("GetAccessKeyLastUsed", keyUser(ctx, i.AccessKeyId)),

  // MFA devices: virtual devices are resources of their own; enabling, resyncing and listing act on the user
  CreateVirtualMFADevice: (i, ctx) =>
    createTagged("CreateVirtualMFADevice", "TagMFADevice", t.created(ctx, "mfa", i.Path, i.VirtualMFADeviceName), i.Tags),
  DeleteVirtualMFADevice: (i, ctx) => [on("DeleteVirtualMFADevice", t.mfaDevice(ctx, i.SerialNumber))],
  EnableMFADevice: (i, ctx) => [on("EnableMFADevice", t.user(ctx, i.UserName))],
  ResyncMFADevice: (i, ctx) => [on("ResyncMFADevice", t.user(ctx, i.UserName))],
  DeactivateMFADevice: (i, ctx) => one("DeactivateMFADevice", userOrSelf(ctx, i.UserName)),
  GetMFADevice: (i, ctx) => one("GetMFADevice", userOrSelf(ctx, i.UserName)),
  ListMFADevices: (i, ctx) => one("ListMFADevices", userOrSelf(ctx, i.UserName)),
  ListVirtualMFADevices: (_i, ctx) => [on("ListVirtualMFADevices", t.listing(ctx, "mfa"))],
  TagMFADevice: (i, ctx) => [on("TagMFADevice", t.mfaDevice(ctx, i.SerialNumber), requestTags(i.Tags))],
  UntagMFADevice: (i, ctx) => [on("UntagMFADevice", t.mfaDevice(ctx, i.SerialNumber), tagKeys(i.TagKeys))],
  ListMFADeviceTags: (i, ctx) => [on("ListMFADeviceTags", t.mfaDevice(ctx, i.SerialNumber))],

  // SSH public keys, signing certificates, server certificates and service-specific credentials
  ...credentialRules,
  // identity providers: OpenID Connect and SAML 2.0, each a resource named by its ARN
  CreateOpenIDConnectProvider: (i, ctx) =>
    createTagged("CreateOpenIDConnectProvider", "TagOpenIDConnectProvider", t.createdProvider(ctx, "oidc-provider", i.Url), i.Tags),
  ListOpenIDConnectProviders: () => [on("ListOpenIDConnectProviders", t.account)],
  ...oidcRules([
    "GetOpenIDConnectProvider",
    "DeleteOpenIDConnectProvider",
    "AddClientIDToOpenIDConnectProvider",
    "RemoveClientIDFromOpenIDConnectProvider",
    "UpdateOpenIDConnectProviderThumbprint",
    "ListOpenIDConnectProviderTags",
  ]),
  TagOpenIDConnectProvider: (i, ctx) => [on("TagOpenIDConnectProvider", oidc(ctx, i), requestTags(i.Tags))],
  UntagOpenIDConnectProvider: (i, ctx) => [on("UntagOpenIDConnectProvider", oidc(ctx, i), tagKeys(i.TagKeys))],
  CreateSAMLProvider: (i, ctx) =>
    createTagged("CreateSAMLProvider", "TagSAMLProvider", t.createdProvider(ctx, "saml-provider", i.Name), i.Tags),
  ListSAMLProviders: () => [on("ListSAMLProviders", t.account)],
  ...samlRules(["GetSAMLProvider", "UpdateSAMLProvider", "DeleteSAMLProvider", "ListSAMLProviderTags"]),
  TagSAMLProvider: (i, ctx) => [on("TagSAMLProvider", saml(ctx, i), requestTags(i.Tags))],
  UntagSAMLProvider: (i, ctx) => [on("UntagSAMLProvider", saml(ctx, i), tagKeys(i.TagKeys))],

  // policy simulator
  SimulatePrincipalPolicy: (i, ctx) => [on("SimulatePrincipalPolicy", t.policySource(ctx, i.PolicySourceArn))],
  GetContextKeysForPrincipalPolicy: (i, ctx) => [on("GetContextKeysForPrincipalPolicy", t.policySource(ctx, i.PolicySourceArn))],
  SimulateCustomPolicy: () => [on("SimulateCustomPolicy", t.account)],
  GetContextKeysForCustomPolicy: () => [on("GetContextKeysForCustomPolicy", t.account)],

  // account
  CreateAccountAlias: () => [on("CreateAccountAlias", t.account)],
  DeleteAccountAlias: () => [on("DeleteAccountAlias", t.account)],
  ListAccountAliases: () => [on("ListAccountAliases", t.account)],
  GetAccountSummary: () => [on("GetAccountSummary", t.account)],
  GetAccountAuthorizationDetails: () => [on("GetAccountAuthorizationDetails", t.account)],
  GenerateCredentialReport: () => [on("GenerateCredentialReport", t.account)],
  GetCredentialReport: () => [on("GetCredentialReport", t.account)],
  ...accountFeatureRules,
  ...serviceLinkedRoleRules,
  ...lastAccessedRules,
};

export const rulesByService: Record<string, Record<string, ActionRule>> = {
  iam: iamRules,
  sts: stsRules,
  organizations: organizationsRules,
};
