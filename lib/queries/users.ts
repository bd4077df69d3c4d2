import { useQuery } from "@tanstack/react-query";
import { api, qs } from "./api";
import type { UserActivity, UserSummary } from "@/lib/server/services/users";

export const userKeys = {
  all: ["users"] as const,
  /** The account's whole user list, which every users table and picker filters, sorts and pages in the browser. */
  lists: () => [...userKeys.all, "list"] as const,
  activity: (names: string[]) => [...userKeys.all, "activity", names] as const,
  detail: (name: string) => [...userKeys.all, "detail", name] as const,
};

export const fetchUsers = () => api<UserSummary[]>("/api/users");

export const useUsers = () => useQuery({ queryKey: userKeys.lists(), queryFn: fetchUsers });

export function useUserActivity(names: string[]) {
  return useQuery({
    queryKey: userKeys.activity(names),
    queryFn: () => api<UserActivity[]>(`/api/user-activity${qs({ userNames: names.join(",") })}`),
    enabled: names.length > 0,
  });
}
