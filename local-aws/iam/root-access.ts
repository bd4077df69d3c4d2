import type { Ctx, Handlers } from "../context";
import { sql, type Db } from "../store/db";
import { AwsError } from "../protocol/errors";
import { membership } from "../organizations/access";
import type { Org } from "../organizations/shared";

/**
 * Centralized root access for member accounts: features of the organization that its management account (or IAM's
 * delegated administrator) turns on once the organization has all features and trusted access for IAM. The wire codes
 * are the exceptions' names (the model gives them no awsQueryError code); the messages are the API reference's.
 */

const IAM_PRINCIPAL = "iam.amazonaws.com";
const FEATURES = ["RootCredentialsManagement", "RootSessions"] as const;
type Feature = (typeof FEATURES)[number];

const rootAccessError = (code: string, message: string) => new AwsError(code, message, 400);

const organizationNotFound = () =>
  rootAccessError("OrganizationNotFoundException", "The request was rejected because no organization is associated with your account.");
const notManagementOrDelegated = () =>
  rootAccessError(
    "AccountNotManagementOrDelegatedAdministratorException",
    "The request was rejected because the account making the request is not the management account or delegated administrator account for centralized root access.",
  );
const callerNotManagement = () =>
  rootAccessError(
    "CallerIsNotManagementAccountException",
    "The request was rejected because the account making the request is not the management account for the organization.",
  );
const notAllFeatures = () =>
  rootAccessError(
    "OrganizationNotInAllFeaturesModeException",
    "The request was rejected because your organization does not have All features enabled. For more information, see Available feature sets in the Organizations User Guide.",
  );
const serviceAccessNotEnabled = () =>
  rootAccessError(
    "ServiceAccessNotEnabledException",
    "The request was rejected because trusted access is not enabled for IAM in Organizations. For details, see IAM and Organizations in the Organizations User Guide.",
  );

const isIamDelegatedAdministrator = (db: Db, org: Org, accountId: string) =>
  sql(db, "SELECT 1 FROM org_delegated_admins WHERE org_id = ? AND account_id = ? AND service_principal = ?").get(
    org.org_id,
    accountId,
    IAM_PRINCIPAL,
  ) !== undefined;

/** Whether an account may take root sessions in the organization's members (STS AssumeRoot). */
export function rootSessionsAllowed(db: Db, org: Org, accountId: string): boolean {
  if (org.management_account_id !== accountId && !isIamDelegatedAdministrator(db, org, accountId)) return false;
  return sql(db, "SELECT 1 FROM iam_org_root_features WHERE org_id = ? AND feature = 'RootSessions'").get(org.org_id) !== undefined;
}

/** The caller's organization, once it may manage centralized root access; enabling is the management account's alone. */
function rootAccessOrg(ctx: Ctx, managementOnly: boolean): Org {
  const m = membership(ctx);
  if (!m) throw organizationNotFound();
  if (!m.management && !isIamDelegatedAdministrator(ctx.db, m.org, ctx.accountId)) throw notManagementOrDelegated();
  if (managementOnly && !m.management) throw callerNotManagement();
  if (m.org.feature_set !== "ALL") throw notAllFeatures();
  const trusted = sql(ctx.db, "SELECT 1 FROM org_service_access WHERE org_id = ? AND service_principal = ?").get(
    m.org.org_id,
    IAM_PRINCIPAL,
  );
  if (!trusted) throw serviceAccessNotEnabled();
  return m.org;
}

function featuresOut(ctx: Ctx, org: Org) {
  const enabled = new Set(
    (sql(ctx.db, "SELECT feature FROM iam_org_root_features WHERE org_id = ?").all(org.org_id) as { feature: Feature }[]).map(
      (r) => r.feature,
    ),
  );
  return { OrganizationId: org.org_id, EnabledFeatures: FEATURES.filter((f) => enabled.has(f)) };
}

const enable = (feature: Feature) => (_input: Record<string, never>, ctx: Ctx) => {
  const org = rootAccessOrg(ctx, true);
  sql(ctx.db, "INSERT OR IGNORE INTO iam_org_root_features (org_id, feature) VALUES (?, ?)").run(org.org_id, feature);
  return featuresOut(ctx, org);
};

const disable = (feature: Feature) => (_input: Record<string, never>, ctx: Ctx) => {
  const org = rootAccessOrg(ctx, false);
  sql(ctx.db, "DELETE FROM iam_org_root_features WHERE org_id = ? AND feature = ?").run(org.org_id, feature);
  return featuresOut(ctx, org);
};

export const rootAccessHandlers: Handlers = {
  EnableOrganizationsRootCredentialsManagement: enable("RootCredentialsManagement"),
  DisableOrganizationsRootCredentialsManagement: disable("RootCredentialsManagement"),
  EnableOrganizationsRootSessions: enable("RootSessions"),
  DisableOrganizationsRootSessions: disable("RootSessions"),
  ListOrganizationsFeatures: (_input: Record<string, never>, ctx) => featuresOut(ctx, rootAccessOrg(ctx, false)),
};
