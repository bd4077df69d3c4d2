import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./api";
import { accountKeys } from "./account";
import { roleKeys, type RoleSummary } from "./roles";
import type { ProviderDetail, ProviderSummary, ProviderTag } from "@/lib/server/services/identity-providers";
import type { CreateProviderInput } from "@/lib/schemas/identity-providers";

export type { ProviderDetail, ProviderSummary, ProviderTag };

export const providerKeys = {
  all: ["identity-providers"] as const,
  lists: () => [...providerKeys.all, "list"] as const,
  detail: (arn: string) => [...providerKeys.all, "detail", arn] as const,
};

const detailUrl = (arn: string) => `/api/identity-providers/detail?arn=${encodeURIComponent(arn)}`;

export const useProviders = () =>
  useQuery({ queryKey: providerKeys.lists(), queryFn: () => api<ProviderSummary[]>("/api/identity-providers") });

export const useProvider = (arn: string) =>
  useQuery({ queryKey: providerKeys.detail(arn), queryFn: () => api<ProviderDetail>(detailUrl(arn)), retry: false });

/**
 * The roles whose trust policies name the provider: keyed under the roles' list, so creating, editing or deleting a
 * role here refreshes it.
 */
export const useProviderRoles = (arn: string) =>
  useQuery({
    queryKey: [...roleKeys.lists(), "trusting", arn],
    queryFn: () => api<RoleSummary[]>(`/api/identity-providers/roles?arn=${encodeURIComponent(arn)}`),
    staleTime: 0,
  });

/** Every provider mutation invalidates the providers (list and details) and the dashboard's count. */
function useProviderMutation<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: providerKeys.all });
      void client.invalidateQueries({ queryKey: accountKeys.all });
    },
  });
}

export const useCreateProvider = () =>
  useProviderMutation((input: CreateProviderInput) => api<{ arn: string }>("/api/identity-providers", { method: "POST", body: input }));

export const useDeleteProvider = () =>
  useProviderMutation((arn: string) => api<{ ok: true }>("/api/identity-providers/detail", { method: "DELETE", body: { arn } }));

export const useUpdateProviderTags = (arn: string) =>
  useProviderMutation((tags: ProviderTag[]) => api<{ ok: true }>("/api/identity-providers/tags", { method: "PUT", body: { arn, tags } }));

export const useUpdateAudiences = (arn: string) =>
  useProviderMutation((change: { add?: string; remove?: string }) =>
    api<{ ok: true }>("/api/identity-providers/audiences", { method: "PUT", body: { arn, ...change } }),
  );

export const useUpdateThumbprints = (arn: string) =>
  useProviderMutation((thumbprints: string[]) =>
    api<{ ok: true }>("/api/identity-providers/thumbprints", { method: "PUT", body: { arn, thumbprints } }),
  );
