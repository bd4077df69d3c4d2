import "server-only";
import {
  GenerateServiceLastAccessedDetailsCommand,
  GetServiceLastAccessedDetailsCommand,
  type ServiceLastAccessed,
} from "@aws-sdk/client-iam";
import { iamClient } from "../aws-clients";
import { fromSdkError, ServiceError } from "../errors";
import type { Principal } from "../principal";
import type { AccessAdvisorInput } from "@/lib/schemas/access-advisor";

export type LastAccess = { lastAccessed?: string; entity?: string; region?: string };
export type AccessAdvisorAction = LastAccess & { name: string };
export type AccessAdvisorService = LastAccess & {
  name: string;
  namespace: string;
  totalEntities?: number;
  actions?: AccessAdvisorAction[];
};
export type AccessAdvisorReport = { generatedAt: string; services: AccessAdvisorService[] };

const POLL_MS = 250;
const MAX_WAIT_MS = 20_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const serviceOut = (s: ServiceLastAccessed): AccessAdvisorService => ({
  name: s.ServiceName!,
  namespace: s.ServiceNamespace!,
  lastAccessed: s.LastAuthenticated?.toISOString(),
  entity: s.LastAuthenticatedEntity,
  region: s.LastAuthenticatedRegion,
  totalEntities: s.TotalAuthenticatedEntities,
  actions: s.TrackedActionsLastAccessed?.map((a) => ({
    name: a.ActionName!,
    lastAccessed: a.LastAccessedTime?.toISOString(),
    entity: a.LastAccessedEntity,
    region: a.LastAccessedRegion,
  })),
});

/** Generates an action-level report and waits for IAM to complete it, as the console's Access Advisor tab does. */
export async function getServiceLastAccessed({
  principal,
  input,
}: {
  principal: Principal;
  input: AccessAdvisorInput;
}): Promise<AccessAdvisorReport> {
  const iam = iamClient(principal);
  try {
    const { JobId } = await iam.send(new GenerateServiceLastAccessedDetailsCommand({ Arn: input.arn, Granularity: "ACTION_LEVEL" }));
    const started = Date.now();
    for (;;) {
      const services: ServiceLastAccessed[] = [];
      let marker: string | undefined;
      let out;
      do {
        out = await iam.send(new GetServiceLastAccessedDetailsCommand({ JobId, Marker: marker }));
        services.push(...(out.ServicesLastAccessed ?? []));
        marker = out.IsTruncated ? out.Marker : undefined;
      } while (out.JobStatus === "COMPLETED" && marker);
      if (out.JobStatus === "COMPLETED") {
        return { generatedAt: (out.JobCompletionDate ?? new Date()).toISOString(), services: services.map(serviceOut) };
      }
      if (out.JobStatus === "FAILED")
        throw new ServiceError("ServiceFailure", out.Error?.Message ?? "The report could not be generated.", 500);
      if (Date.now() - started > MAX_WAIT_MS)
        throw new ServiceError("ServiceFailure", "The report is taking longer than expected. Try again.", 503);
      await sleep(POLL_MS);
    }
  } catch (err) {
    throw fromSdkError(err);
  }
}
