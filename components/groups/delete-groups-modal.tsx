"use client";

import Box from "@cloudscape-design/components/box";
import { useState } from "react";
import { DeleteModal } from "@/components/common/delete-modal";
import { useNotify } from "@/components/shell/shell-context";
import { ApiError } from "@/lib/queries/api";
import { useDeleteGroup } from "@/lib/queries/groups";
import type { GroupDetail } from "@/lib/server/services/groups";
import { useDeleteGroups } from "./use-delete-groups";

type Target = { groupName: string; detail?: GroupDetail };

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function dependencies(d: GroupDetail | undefined) {
  if (!d) return "its users and permissions";
  return [
    count(d.userCount, "user", "users"),
    count(d.attachedPolicyCount, "managed policy", "managed policies"),
    count(d.inlinePolicyCount, "inline policy", "inline policies"),
  ].join(", ");
}

/**
 * The console's "Delete user groups": type the group's name (or "delete" for several). As the AWS console does, the
 * group's users are removed and its policies detached or deleted first, so DeleteGroup's DeleteConflict never stops it.
 */
/** `onClose` gets the groups that are deleted (or, for several, being deleted in the background). */
export function DeleteGroupsModal({ groups, onClose }: { groups: Target[]; onClose: (deleted: string[]) => void }) {
  const notify = useNotify();
  const single = useDeleteGroup();
  const bulk = useDeleteGroups();
  const [error, setError] = useState<ApiError>();
  const one = groups.length === 1 ? groups[0] : undefined;

  const close = (deleted: string[]) => {
    setError(undefined);
    single.reset();
    onClose(deleted);
  };

  const confirm = () => {
    if (!one) {
      const names = groups.map((g) => g.groupName);
      close(names);
      void bulk(names);
      return;
    }
    single.mutate(one.groupName, {
      onSuccess: () => {
        notify({ type: "success", header: `User group ${one.groupName} deleted.` });
        close([one.groupName]);
      },
      onError: (e) => setError(e instanceof ApiError ? e : new ApiError("Error", e.message, 0)),
    });
  };

  return (
    <DeleteModal
      visible={groups.length > 0}
      title={one ? `Delete ${one.groupName}?` : `Delete ${groups.length} user groups?`}
      confirmText={one ? one.groupName : "delete"}
      busy={single.isPending}
      error={error ? [`${error.code}: ${error.message}`, ...Object.values(error.fieldErrors ?? {})].join(" ") : undefined}
      onCancel={() => close([])}
      onConfirm={confirm}
    >
      {one ? (
        <Box>
          Deleting <strong>{one.groupName}</strong> permanently removes the user group. The console first removes its{" "}
          {dependencies(one.detail)}: users are removed from the group (not deleted), managed policies are detached and inline policies are
          deleted. This can't be undone.
        </Box>
      ) : (
        <>
          <Box>
            Deleting these user groups permanently removes them. For each group, the console first removes its users from it, detaches its
            managed policies and deletes its inline policies. This can't be undone.
          </Box>
          <ul style={{ margin: 0 }}>
            {groups.slice(0, 10).map((g) => (
              <li key={g.groupName}>
                <strong>{g.groupName}</strong> ({dependencies(g.detail)})
              </li>
            ))}
            {groups.length > 10 && <li>and {groups.length - 10} more</li>}
          </ul>
        </>
      )}
    </DeleteModal>
  );
}
