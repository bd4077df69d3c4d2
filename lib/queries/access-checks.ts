import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./api";
import type { AccessCheck } from "@/lib/server/services/access-checks-store";
import type { AccessCheckInput } from "@/lib/schemas/access-checks";

export type { AccessCheck };

export const accessCheckKeys = { all: ["access-checks"] as const };

export const useAccessChecks = () => useQuery({ queryKey: accessCheckKeys.all, queryFn: () => api<AccessCheck[]>("/api/access-checks") });

function useAccessCheckMutation<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void client.invalidateQueries({ queryKey: accessCheckKeys.all }) });
}

export const useCreateAccessCheck = () =>
  useAccessCheckMutation((input: AccessCheckInput) => api<AccessCheck>("/api/access-checks", { method: "POST", body: input }));

export const useDeleteAccessCheck = () =>
  useAccessCheckMutation((id: string) => api<{ ok: true }>(`/api/access-checks/${encodeURIComponent(id)}`, { method: "DELETE" }));
