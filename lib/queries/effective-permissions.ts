import { useQueries, useQuery } from "@tanstack/react-query";
import { api } from "./api";
import { roleKeys } from "./roles";
import { userKeys } from "./users";
import type {
  EffectiveActionRow,
  EffectiveLevelSummary,
  EffectivePolicy,
  EffectiveServiceDetail,
  EffectiveServiceSummary,
  EffectiveStatementRef,
  EffectiveSummary,
} from "@/lib/server/services/effective-permissions";

export type {
  EffectiveActionRow,
  EffectiveLevelSummary,
  EffectivePolicy,
  EffectiveServiceDetail,
  EffectiveServiceSummary,
  EffectiveStatementRef,
  EffectiveSummary,
};

export type EffectivePrincipal = { type: "user" | "role"; name: string };

const base = (p: EffectivePrincipal) => `/api/${p.type === "user" ? "users" : "roles"}/${encodeURIComponent(p.name)}/effective-permissions`;

/** Under each principal's detail key, so its page's mutations (attach, detach, boundary...) refresh it. */
export const effectiveKeys = {
  summary: (p: EffectivePrincipal) =>
    [...(p.type === "user" ? userKeys.detail(p.name) : roleKeys.detail(p.name)), "effective-permissions"] as const,
  service: (p: EffectivePrincipal, prefix: string) => [...effectiveKeys.summary(p), prefix] as const,
};

export const useEffectivePermissions = (p: EffectivePrincipal) =>
  useQuery({ queryKey: effectiveKeys.summary(p), queryFn: () => api<EffectiveSummary>(base(p)) });

/** The actions of the services whose rows are open. */
export const useEffectiveServices = (p: EffectivePrincipal, prefixes: string[]) =>
  useQueries({
    queries: prefixes.map((prefix) => ({
      queryKey: effectiveKeys.service(p, prefix),
      queryFn: () => api<EffectiveServiceDetail>(`${base(p)}/${encodeURIComponent(prefix)}`),
    })),
  });
