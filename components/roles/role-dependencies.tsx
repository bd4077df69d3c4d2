"use client";

import Box from "@cloudscape-design/components/box";
import Spinner from "@cloudscape-design/components/spinner";
import { useRole, useRolePermissions } from "@/lib/queries/roles";

/** What still depends on one role, so the delete confirmation can say what goes with it. */
export function RoleDependencies({ roleName }: { roleName: string }) {
  const role = useRole(roleName);
  const permissions = useRolePermissions(roleName);
  if (role.isLoading || permissions.isLoading) return <Spinner />;
  const profiles = role.data?.instanceProfiles ?? [];
  const managed = (permissions.data ?? []).filter((p) => p.kind === "managed");
  const inline = (permissions.data ?? []).filter((p) => p.kind === "inline");
  if (!profiles.length && !managed.length && !inline.length)
    return <Box color="text-body-secondary">The role has no policies and is in no instance profile.</Box>;
  return (
    <ul style={{ margin: 0, paddingLeft: 16 }} data-testid="role-dependencies">
      {profiles.map((p) => (
        <li key={p.arn}>Instance profile {p.name}: the role is removed from it, and the empty profile deleted.</li>
      ))}
      {managed.length > 0 && <li>{`Managed policies detached: ${managed.map((p) => p.policyName).join(", ")}`}</li>}
      {inline.length > 0 && <li>{`Inline policies deleted: ${inline.map((p) => p.policyName).join(", ")}`}</li>}
    </ul>
  );
}
