"use client";

import ProgressBar from "@cloudscape-design/components/progress-bar";
import { useNotify } from "@/components/shell/shell-context";
import { deleteRole, useInvalidateRoles } from "@/lib/queries/roles";

export type DeleteFailure = { roleName: string; code: string; message: string };

/**
 * Deletes roles one by one (each: out of its instance profiles, policies detached and deleted, then the role),
 * with a progress bar in the Flashbar and AWS's words for each failure. Resolves with the names deleted.
 */
export function useDeleteRoles() {
  const notify = useNotify();
  const invalidate = useInvalidateRoles();
  return async (roleNames: string[]): Promise<string[]> => {
    const id = `delete-roles-${Date.now()}`;
    const deleted: string[] = [];
    const failures: DeleteFailure[] = [];
    const total = roleNames.length;
    for (const [i, roleName] of roleNames.entries()) {
      notify({
        id,
        type: "in-progress",
        header: total === 1 ? `Deleting role ${roleName}` : `Deleting ${total} roles`,
        content: (
          <ProgressBar
            value={Math.round((i / total) * 100)}
            description={`${roleName}: removing it from instance profiles, detaching managed policies and deleting inline policies`}
            additionalInfo={`${i} of ${total} done`}
            variant="flash"
          />
        ),
      });
      try {
        await deleteRole(roleName);
        deleted.push(roleName);
      } catch (err) {
        const e = err as { code?: string; message?: string };
        failures.push({ roleName, code: e.code ?? "Error", message: e.message ?? "The role could not be deleted." });
      }
    }
    await invalidate();
    if (!failures.length) {
      notify({ id, type: "success", content: total === 1 ? `Role ${roleNames[0]} deleted.` : `${total} roles deleted.` });
    } else {
      notify({
        id,
        type: "error",
        header: `${failures.length} of ${total} role${total === 1 ? "" : "s"} could not be deleted`,
        content: (
          <ul style={{ margin: 0, paddingLeft: 16 }} data-testid="delete-role-failures">
            {failures.map((f) => (
              <li key={f.roleName}>
                {f.roleName}: {f.code}: {f.message}
              </li>
            ))}
          </ul>
        ),
      });
    }
    return deleted;
  };
}
