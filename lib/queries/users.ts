import { useQuery } from "@tanstack/react-query";
import { api, qs } from "./api";
import type { UserActivity, UserSummary } from "@/lib/server/services/users";

export const userKeys = {
  all: ["users"] as const,
  /** Every page of the account's user list (`/api/users` filters, sorts and pages on the server). */
  lists: () => [...userKeys.all, "list"] as const,
  activity: (names: string[]) => [...userKeys.all, "activity", names] as const,
  detail: (name: string) => [...userKeys.all, "detail", name] as const,
};

export const USERS_URL = "/api/users";

export type { UserSummary };

export function useUserActivity(names: string[]) {
  return useQuery({
    queryKey: userKeys.activity(names),
    queryFn: () => api<UserActivity[]>(`/api/user-activity${qs({ userNames: names.join(",") })}`),
    enabled: names.length > 0,
  });
}
