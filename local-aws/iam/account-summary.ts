import type { Handlers } from "../context";
import { sql } from "../store/db";
import { accountSettings } from "./account-settings";

/** IAM's default quotas, as GetAccountSummary reports them for a new account. */
const ACCOUNT_QUOTAS = {
  UsersQuota: 5000,
  GroupsQuota: 300,
  RolesQuota: 1000,
  InstanceProfilesQuota: 1000,
  PoliciesQuota: 1500,
  PolicyVersionsInUseQuota: 10000,
  VersionsPerPolicyQuota: 5,
  AttachedPoliciesPerUserQuota: 10,
  AttachedPoliciesPerGroupQuota: 10,
  AttachedPoliciesPerRoleQuota: 10,
  GroupsPerUserQuota: 10,
  AccessKeysPerUserQuota: 2,
  SigningCertificatesPerUserQuota: 2,
  ServerCertificatesQuota: 20,
  PolicySizeQuota: 6144,
  GroupPolicySizeQuota: 5120,
  UserPolicySizeQuota: 2048,
  RolePolicySizeQuota: 10240,
  AssumeRolePolicySizeQuota: 2048,
} as const;

type Usage = {
  Users: number;
  Groups: number;
  Roles: number;
  InstanceProfiles: number;
  Policies: number;
  PolicyVersionsInUse: number;
  MFADevices: number;
  MFADevicesInUse: number;
  AccountMFAEnabled: number;
  AccountAccessKeysPresent: number;
  AccountSigningCertificatesPresent: number;
  ServerCertificates: number;
  Providers: number;
};

// Root's MFA device and access keys are the rows with no user.
const USAGE = `SELECT
  (SELECT COUNT(*) FROM users WHERE account_id = $a) AS Users,
  (SELECT COUNT(*) FROM groups WHERE account_id = $a) AS Groups,
  (SELECT COUNT(*) FROM roles WHERE account_id = $a) AS Roles,
  (SELECT COUNT(*) FROM instance_profiles WHERE account_id = $a) AS InstanceProfiles,
  (SELECT COUNT(*) FROM policies WHERE account_id = $a) AS Policies,
  (SELECT COUNT(*) FROM attachments WHERE account_id = $a) AS PolicyVersionsInUse,
  (SELECT COUNT(*) FROM mfa_devices WHERE account_id = $a) AS MFADevices,
  (SELECT COUNT(*) FROM mfa_devices WHERE account_id = $a AND enable_date IS NOT NULL) AS MFADevicesInUse,
  EXISTS (SELECT 1 FROM mfa_devices WHERE account_id = $a AND user_id IS NULL AND enable_date IS NOT NULL) AS AccountMFAEnabled,
  EXISTS (SELECT 1 FROM access_keys WHERE account_id = $a AND user_id IS NULL) AS AccountAccessKeysPresent,
  EXISTS (SELECT 1 FROM signing_certificates WHERE account_id = $a AND user_id IS NULL) AS AccountSigningCertificatesPresent,
  (SELECT COUNT(*) FROM server_certificates WHERE account_id = $a) AS ServerCertificates,
  (SELECT COUNT(*) FROM oidc_providers WHERE account_id = $a) + (SELECT COUNT(*) FROM saml_providers WHERE account_id = $a) AS Providers`;

export const accountSummaryHandlers: Handlers = {
  GetAccountSummary(_input: Record<string, never>, ctx) {
    const usage = sql(ctx.db, USAGE).get({ a: ctx.accountId }) as Usage;
    return {
      SummaryMap: {
        ...usage,
        ...ACCOUNT_QUOTAS,
        UsersQuota: ctx.quotas.usersPerAccount,
        GroupsQuota: ctx.quotas.groupsPerAccount,
        RolesQuota: ctx.quotas.rolesPerAccount,
        PoliciesQuota: ctx.quotas.policiesPerAccount,
        GlobalEndpointTokenVersion: accountSettings(ctx).global_endpoint_token_version === "v2Token" ? 2 : 1,
      },
    };
  },
};
