"use client";

import SpaceBetween from "@cloudscape-design/components/space-between";
import type { UserDetail } from "@/lib/queries/user-detail";
import { useOtherCredentials } from "@/lib/queries/user-credentials";
import { AccessKeys } from "./access-keys";
import { ConsoleSignIn } from "./console-sign-in";
import { MfaDevices } from "./mfa-devices";
import { ApiErrorAlert } from "@/components/common/api-error-alert";
import { ServiceCredentials } from "./service-credentials";
import { SigningCertificates } from "./signing-certificates";
import { SshPublicKeys } from "./ssh-public-keys";

/** The sections in the AWS console's order. */
export function SecurityCredentialsTab({ user }: { user: UserDetail }) {
  const other = useOtherCredentials(user.userName);
  const props = { userName: user.userName, data: other.data, loading: other.isPending };
  return (
    <SpaceBetween size="l">
      <ConsoleSignIn user={user} />
      <MfaDevices user={user} />
      <AccessKeys user={user} />
      {other.error && <ApiErrorAlert error={other.error} />}
      <SshPublicKeys {...props} />
      <ServiceCredentials serviceName="codecommit.amazonaws.com" {...props} />
      <ServiceCredentials serviceName="cassandra.amazonaws.com" {...props} />
      <SigningCertificates {...props} />
    </SpaceBetween>
  );
}
