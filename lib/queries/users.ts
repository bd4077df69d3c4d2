import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, qs } from "./api";
import type { Page, UserActivity, UserSummary } from "@/lib/server/services/users";

export type UserListQuery = { filter?: string; pageToken?: string; pageSize: number };

export const userKeys = {
  all: ["users"] as const,
  lists: () => [...userKeys.all, "list"] as const,
  list: (q: UserListQuery) => [...userKeys.lists(), q] as const,
  activity: (names: string[]) => [...userKeys.all, "activity", names] as const,
  detail: (name: string) => [...userKeys.all, "detail", name] as const,
};

export const fetchUsers = (q: UserListQuery) => api<Page<UserSummary>>(`/api/users${qs(q)}`);

export function useUsers(q: UserListQuery) {
  return useQuery({ queryKey: userKeys.list(q), queryFn: () => fetchUsers(q), placeholderData: keepPreviousData });
}

export function useUserActivity(names: string[]) {
  return useQuery({
    queryKey: userKeys.activity(names),
    queryFn: () => api<UserActivity[]>(`/api/user-activity${qs({ userNames: names.join(",") })}`),
    enabled: names.length > 0,
  });
}
