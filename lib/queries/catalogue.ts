import { useQuery } from "@tanstack/react-query";
import { api, qs } from "./api";
import type { CatalogueAction, CatalogueService } from "@/lib/server/services/action-catalogue";

export type { CatalogueAction, CatalogueService };

export const catalogueKeys = {
  all: ["catalogue"] as const,
  services: () => [...catalogueKeys.all, "services"] as const,
  actions: (service: string) => [...catalogueKeys.all, "actions", service.toLowerCase()] as const,
};

/** The catalogue changes only with a new build: fetched once per session. */
export const useCatalogueServices = () =>
  useQuery({ queryKey: catalogueKeys.services(), queryFn: () => api<CatalogueService[]>("/api/catalogue/services"), staleTime: Infinity });

export const useCatalogueActions = (service: string | undefined) =>
  useQuery({
    queryKey: catalogueKeys.actions(service ?? ""),
    queryFn: () => api<CatalogueAction[]>(`/api/catalogue/actions${qs({ service })}`),
    enabled: !!service,
    staleTime: Infinity,
  });
