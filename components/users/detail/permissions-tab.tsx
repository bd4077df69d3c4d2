"use client";

import SpaceBetween from "@cloudscape-design/components/space-between";
import type { UserDetail } from "@/lib/queries/user-detail";
import { PermissionsBoundary } from "./permissions-boundary";
import { PermissionsPoliciesTable } from "./permissions-policies-table";

export function PermissionsTab({ user }: { user: UserDetail }) {
  return (
    <SpaceBetween size="l">
      <PermissionsPoliciesTable userName={user.userName} />
      <PermissionsBoundary user={user} />
    </SpaceBetween>
  );
}
