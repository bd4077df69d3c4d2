import type { Handlers } from "../context";
import { userHandlers } from "./users";
import { groupsHandlers } from "./groups";
import { rolesHandlers } from "./roles";
import { instanceProfilesHandlers } from "./instance-profiles";
import { policiesHandlers } from "./policies";
import { attachmentsHandlers } from "./attachments";
import { inlinePoliciesHandlers } from "./inline-policies";
import { loginProfilesHandlers } from "./login-profiles";
import { passwordPolicyHandlers } from "./password-policy";
import { accessKeysHandlers } from "./access-keys";
import { mfaHandlers } from "./mfa";
import { accountHandlers } from "./account";
import { credentialReportHandlers } from "./credential-report";
import { simulatorHandlers } from "./simulator";
import { accountFeatureHandlers } from "./account-features";
import { serviceLinkedRolesHandlers } from "./service-linked-roles";
import { lastAccessedHandlers } from "./last-accessed";
import { organizationsAccessReportHandlers } from "./organizations-access-report";
import { sshPublicKeysHandlers } from "./ssh-public-keys";
import { signingCertificatesHandlers } from "./signing-certificates";
import { serverCertificatesHandlers } from "./server-certificates";
import { serviceSpecificCredentialsHandlers } from "./service-specific-credentials";
import { identityProvidersHandlers } from "./identity-providers";

export const iamHandlers: Handlers = {
  ...userHandlers,
  ...groupsHandlers,
  ...rolesHandlers,
  ...instanceProfilesHandlers,
  ...policiesHandlers,
  ...attachmentsHandlers,
  ...inlinePoliciesHandlers,
  ...loginProfilesHandlers,
  ...passwordPolicyHandlers,
  ...accessKeysHandlers,
  ...mfaHandlers,
  ...accountHandlers,
  ...credentialReportHandlers,
  ...simulatorHandlers,
  ...accountFeatureHandlers,
  ...serviceLinkedRolesHandlers,
  ...lastAccessedHandlers,
  ...organizationsAccessReportHandlers,
  ...sshPublicKeysHandlers,
  ...signingCertificatesHandlers,
  ...serverCertificatesHandlers,
  ...serviceSpecificCredentialsHandlers,
  ...identityProvidersHandlers,
};
