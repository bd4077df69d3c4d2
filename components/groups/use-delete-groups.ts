"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createElement } from "react";
import ProgressBar from "@cloudscape-design/components/progress-bar";
import { useNotify } from "@/components/shell/shell-context";
import { ApiError } from "@/lib/queries/api";
import { deleteGroup, invalidateAfterGroupWrite } from "@/lib/queries/groups";
import { FailureList, type Failure } from "./failure-list";

/** Deletes several groups one after another, with a progress Flashbar, then reports each failure in AWS's words. */
export function useDeleteGroups() {
  const notify = useNotify();
  const client = useQueryClient();
  return async (names: string[]): Promise<string[]> => {
    const id = `delete-groups-${Date.now()}`;
    const deleted: string[] = [];
    const failures: Failure[] = [];
    const progress = (done: number) =>
      notify({
        id,
        type: "in-progress",
        loading: true,
        header: `Deleting ${names.length} user groups`,
        content: createElement(ProgressBar, {
          variant: "flash",
          value: Math.round((done / names.length) * 100),
          additionalInfo: `${done} of ${names.length} processed`,
          ariaLabel: "Deletion progress",
        }),
      });
    for (const [i, name] of names.entries()) {
      progress(i);
      try {
        await deleteGroup(name);
        deleted.push(name);
      } catch (err) {
        const e = err instanceof ApiError ? err : new ApiError("Error", String(err), 0);
        failures.push({ name, code: e.code, message: e.message, details: Object.values(e.fieldErrors ?? {}) });
      }
    }
    await invalidateAfterGroupWrite(client, deleted);
    if (!failures.length) notify({ id, type: "success", header: `Deleted ${deleted.length} user groups.` });
    else
      notify({
        id,
        type: "error",
        header: `Couldn't delete ${failures.length} of ${names.length} user groups`,
        content: createElement(FailureList, { failures }),
      });
    return deleted;
  };
}
