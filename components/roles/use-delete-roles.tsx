"use client";

import ProgressBar from "@cloudscape-design/components/progress-bar";
import { useNotify } from "@/components/shell/shell-context";
import { deleteRole, deleteServiceLinkedRole, fetchDeletionStatus, useInvalidateRoles, type DeletionStatus } from "@/lib/queries/roles";

export type DeleteFailure = { roleName: string; code: string; message: string };

const POLL_MS = 500;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A service-linked role: DeleteServiceLinkedRole submits a task, then GetServiceLinkedRoleDeletionStatus is read until
 * the task SUCCEEDED or FAILED (reporting each status read). A failed task's reason, and the resources still using the
 * role, are thrown as AWS gives them.
 */
async function deleteLinkedRole(roleName: string, onStatus: (s: DeletionStatus["status"]) => void): Promise<void> {
  const { deletionTaskId } = await deleteServiceLinkedRole(roleName);
  for (;;) {
    const s = await fetchDeletionStatus(roleName, deletionTaskId);
    onStatus(s.status);
    if (s.status === "SUCCEEDED") return;
    if (s.status === "FAILED") {
      const usage = s.roleUsage.flatMap((u) => u.resources.map((r) => (u.region ? `${r} (${u.region})` : r)));
      const message = [s.reason ?? "The deletion task failed.", usage.length ? `Resources using the role: ${usage.join(", ")}.` : ""];
      throw { code: "DeletionTaskFailed", message: message.join(" ").trim() };
    }
    await wait(POLL_MS);
  }
}

/**
 * Deletes roles one by one (each: out of its instance profiles, policies detached and deleted, then the role),
 * with a progress bar in the Flashbar and AWS's words for each failure. Service-linked roles (named in serviceLinked)
 * are deleted by DeleteServiceLinkedRole's task instead, its status shown as it runs. Resolves with the names deleted.
 */
export function useDeleteRoles() {
  const notify = useNotify();
  const invalidate = useInvalidateRoles();
  return async (roleNames: string[], serviceLinked: ReadonlySet<string> = new Set()): Promise<string[]> => {
    const id = `delete-roles-${Date.now()}`;
    const deleted: string[] = [];
    const failures: DeleteFailure[] = [];
    const total = roleNames.length;
    for (const [i, roleName] of roleNames.entries()) {
      const progress = (description: string) =>
        notify({
          id,
          type: "in-progress",
          header: total === 1 ? `Deleting role ${roleName}` : `Deleting ${total} roles`,
          content: (
            <ProgressBar
              value={Math.round((i / total) * 100)}
              description={description}
              additionalInfo={`${i} of ${total} done`}
              variant="flash"
            />
          ),
        });
      try {
        if (serviceLinked.has(roleName)) {
          progress(`${roleName}: submitting the service-linked role deletion task`);
          await deleteLinkedRole(roleName, (status) => progress(`${roleName}: deletion task status ${status}`));
        } else {
          progress(`${roleName}: removing it from instance profiles, detaching managed policies and deleting inline policies`);
          await deleteRole(roleName);
        }
        deleted.push(roleName);
      } catch (err) {
        const e = err as { code?: string; message?: string };
        failures.push({ roleName, code: e.code ?? "Error", message: e.message ?? "The role could not be deleted." });
      }
    }
    await invalidate();
    if (!failures.length) {
      const task = roleNames.some((n) => serviceLinked.has(n)) ? " Deletion task status: SUCCEEDED." : "";
      notify({ id, type: "success", content: (total === 1 ? `Role ${roleNames[0]} deleted.` : `${total} roles deleted.`) + task });
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
