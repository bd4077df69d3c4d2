"use client";

import ProgressBar from "@cloudscape-design/components/progress-bar";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useNotify } from "@/components/shell/shell-context";
import { userKeys } from "@/lib/queries/users";
import { deleteUser } from "@/lib/queries/users-mutations";

type Failure = { userName: string; message: string };

/**
 * Deletes users one by one (each with its dependencies, on the server), with a progress Flashbar, then reports each
 * failure in AWS's words and refreshes the users lists without a reload. Resolves with the names that were deleted.
 */
export function useDeleteUsers() {
  const notify = useNotify();
  const client = useQueryClient();
  return useCallback(
    async (userNames: string[]) => {
      const id = `delete-users-${Date.now()}`;
      const total = userNames.length;
      const failures: Failure[] = [];
      const deleted: string[] = [];
      for (const [i, userName] of userNames.entries()) {
        const label = `Deleting ${i + 1} of ${total} user${total === 1 ? "" : "s"}`;
        notify({
          id,
          type: "in-progress",
          loading: true,
          content: (
            <ProgressBar variant="flash" value={(i / total) * 100} label={label} description={userName} data-testid="delete-progress" />
          ),
        });
        try {
          await deleteUser(userName);
          deleted.push(userName);
        } catch (err) {
          failures.push({ userName, message: err instanceof Error ? err.message : String(err) });
        }
      }
      await client.invalidateQueries({ queryKey: userKeys.all });
      if (!failures.length) {
        notify({ id, type: "success", content: total === 1 ? `User ${userNames[0]} deleted.` : `${total} users deleted.` });
      } else {
        notify({
          id,
          type: "error",
          header: `Couldn't delete ${failures.length} of ${total} user${total === 1 ? "" : "s"}`,
          content: (
            <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="delete-failures">
              {failures.map((f) => (
                <li key={f.userName}>
                  <b>{f.userName}</b>: {f.message}
                </li>
              ))}
            </ul>
          ),
        });
      }
      return deleted;
    },
    [notify, client],
  );
}
