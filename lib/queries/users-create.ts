import { useQuery } from "@tanstack/react-query";
import { api, qs } from "./api";
import { userKeys } from "./users";
import type { PermissionsToCopy } from "@/lib/server/services/users";

export type { PermissionsToCopy };

/** The groups, managed policies and boundary "Copy permissions" copies from a user. */
export const usePermissionsToCopy = (userName: string | undefined) =>
  useQuery({
    queryKey: [...userKeys.all, "permissions-to-copy", userName ?? ""] as const,
    queryFn: () => api<PermissionsToCopy>(`/api/user-permissions${qs({ userName })}`),
    enabled: !!userName,
  });
