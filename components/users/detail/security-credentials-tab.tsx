"use client";

import SpaceBetween from "@cloudscape-design/components/space-between";
import type { UserDetail } from "@/lib/queries/user-detail";
import { AccessKeys } from "./access-keys";
import { ConsoleSignIn } from "./console-sign-in";
import { MfaDevices } from "./mfa-devices";

export function SecurityCredentialsTab({ user }: { user: UserDetail }) {
  return (
    <SpaceBetween size="l">
      <ConsoleSignIn user={user} />
      <MfaDevices user={user} />
      <AccessKeys user={user} />
    </SpaceBetween>
  );
}
