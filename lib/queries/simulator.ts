import { useMutation, useQuery } from "@tanstack/react-query";
import { api, qs } from "./api";
import type { ContextKeysQuery, SimulationInput } from "@/lib/schemas/simulator";
import type { ContextKey, Decision, MatchedStatement, Simulation, SimulationRow } from "@/lib/server/services/simulator";
import type { PolicySource } from "@/lib/server/services/principal-policies";

export type { ContextKey, Decision, MatchedStatement, PolicySource, Simulation, SimulationRow };

export const simulatorKeys = {
  all: ["simulator"] as const,
  sources: (arn: string) => [...simulatorKeys.all, "sources", arn] as const,
};

export const simulate = (input: SimulationInput) => api<Simulation>("/api/simulator", { method: "POST", body: input });

/** Runs a simulation; the caller shows the result (or AWS's error at its field). */
export const useSimulation = () => useMutation({ mutationFn: simulate });

export const useContextKeys = () =>
  useMutation({
    mutationFn: (input: ContextKeysQuery) => api<ContextKey[]>("/api/simulator/context-keys", { method: "POST", body: input }),
  });

/** The chosen principal's policies with their text, read again whenever the principal is chosen. */
export const usePolicySources = (arn: string | undefined) =>
  useQuery({
    queryKey: simulatorKeys.sources(arn ?? ""),
    queryFn: () => api<PolicySource[]>(`/api/simulator/policy-sources${qs({ arn })}`),
    enabled: !!arn,
    staleTime: 0,
  });
