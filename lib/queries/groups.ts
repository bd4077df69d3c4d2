import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, qs } from "./api";
import type { GroupSummary } from "@/lib/server/services/groups";
import type { Page } from "@/lib/server/services/paging";

export type GroupListQuery = { filter?: string; pageToken?: string; pageSize: number };

export const groupKeys = {
  all: ["groups"] as const,
  lists: () => [...groupKeys.all, "list"] as const,
  list: (q: GroupListQuery) => [...groupKeys.lists(), q] as const,
  detail: (name: string) => [...groupKeys.all, "detail", name] as const,
};

export const fetchGroups = (q: GroupListQuery) => api<Page<GroupSummary>>(`/api/groups${qs(q)}`);

export const useGroups = (q: GroupListQuery) =>
  useQuery({ queryKey: groupKeys.list(q), queryFn: () => fetchGroups(q), placeholderData: keepPreviousData });
