import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, qs } from "./api";
import type { RoleSummary } from "@/lib/server/services/roles";
import type { Page } from "@/lib/server/services/paging";

export type RoleListQuery = { filter?: string; pageToken?: string; pageSize: number };

export const roleKeys = {
  all: ["roles"] as const,
  lists: () => [...roleKeys.all, "list"] as const,
  list: (q: RoleListQuery) => [...roleKeys.lists(), q] as const,
  detail: (name: string) => [...roleKeys.all, "detail", name] as const,
};

export const fetchRoles = (q: RoleListQuery) => api<Page<RoleSummary>>(`/api/roles${qs(q)}`);

export const useRoles = (q: RoleListQuery) =>
  useQuery({ queryKey: roleKeys.list(q), queryFn: () => fetchRoles(q), placeholderData: keepPreviousData });
