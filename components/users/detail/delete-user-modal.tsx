"use client";

import Box from "@cloudscape-design/components/box";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { DeleteModal } from "@/components/common/delete-modal";
import { useNotify } from "@/components/shell/shell-context";
import { useUserGroups, useUserPermissions, type UserDetail } from "@/lib/queries/user-detail";
import { deleteUser } from "@/lib/queries/users-mutations";
import { userKeys } from "@/lib/queries/users";
import { groupKeys } from "@/lib/queries/groups";
import { policyKeys } from "@/lib/queries/policies";
import { ago } from "@/lib/format/time";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What DeleteUser would refuse with a DeleteConflict; the console removes these first, so it lists them. */
function dependencies(user: UserDetail, directPolicies: number, groups: number): string[] {
  return [
    user.loginProfile ? "Console password" : "",
    user.accessKeys.length ? plural(user.accessKeys.length, "access key") : "",
    user.mfaDevices.length ? plural(user.mfaDevices.length, "MFA device") : "",
    directPolicies ? plural(directPolicies, "permissions policy", "permissions policies") : "",
    groups ? plural(groups, "group membership") : "",
  ].filter(Boolean);
}

/** Delete from the user's page: type the name, then the user and everything that depends on it go (users-write's deleteUser). */
export function DeleteUserModal({ user, visible, onClose }: { user: UserDetail; visible: boolean; onClose: () => void }) {
  const name = user.userName;
  const router = useRouter();
  const notify = useNotify();
  const client = useQueryClient();
  const permissions = useUserPermissions(name, visible);
  const groups = useUserGroups(name, visible);
  const remove = useMutation({
    mutationFn: deleteUser,
    onSuccess: () => {
      // The page is still mounted until the router leaves it: mark its queries stale without refetching a deleted user.
      void client.invalidateQueries({ queryKey: userKeys.detail(name), refetchType: "none" });
      return Promise.all([userKeys.lists(), groupKeys.all, policyKeys.all].map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
  const direct = (permissions.data?.policies ?? []).filter((p) => p.via === "Attached directly").length;
  const deps = dependencies(user, direct, groups.data?.length ?? 0);
  const lastActivity = [user.passwordLastUsed, ...user.accessKeys.map((k) => k.lastUsedDate)].filter(Boolean).sort().pop();

  return (
    <DeleteModal
      visible={visible}
      title={`Delete ${name}?`}
      confirmText={name}
      busy={remove.isPending}
      error={remove.error ? `${(remove.error as { code?: string }).code ?? "Error"}: ${remove.error.message}` : undefined}
      onCancel={() => (remove.reset(), onClose())}
      onConfirm={() =>
        remove.mutate(name, {
          onSuccess: () => {
            notify({ type: "success", content: `User ${name} deleted.` });
            onClose();
            router.push("/users");
          },
        })
      }
    >
      <SpaceBetween size="s">
        <Box>
          Delete <b>{name}</b> permanently? This can&apos;t be undone. The user&apos;s last activity was:{" "}
          <b>{lastActivity ? ago(lastActivity) : "Never"}</b>.
        </Box>
        {deps.length > 0 && (
          <Box data-testid="delete-user-dependencies">
            IAM deletes a user only when nothing depends on it, so these are removed first:
            <ul style={{ margin: "4px 0 0" }}>
              {deps.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          </Box>
        )}
      </SpaceBetween>
    </DeleteModal>
  );
}
