import { useQuery } from "@tanstack/react-query";
import { api } from "./api";
import type { AccessAdvisorAction, AccessAdvisorReport, AccessAdvisorService, LastAccess } from "@/lib/server/services/access-advisor";

export type { AccessAdvisorAction, AccessAdvisorReport, AccessAdvisorService, LastAccess };

export const accessAdvisorKeys = { report: (arn: string) => ["access-advisor", arn] as const };

export const useAccessAdvisor = (arn: string) =>
  useQuery({
    queryKey: accessAdvisorKeys.report(arn),
    queryFn: () => api<AccessAdvisorReport>(`/api/access-advisor?${new URLSearchParams({ arn })}`),
  });
