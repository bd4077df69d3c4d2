import type { Ctx, Handlers } from "../context";
import { cachedEffectivePermissions } from "../../lib/policy/effective/cached";
import type { PolicyInput } from "../../lib/policy/evaluate/types";
import { createJob, jobHead, readJob } from "./access-report-jobs";
import { accessesOf, allowedServices, entityReport, reportTarget, serviceReport, type Entity } from "./last-accessed-report";
import { arrayPage, pageOut } from "./shared";

type Report = {
  services: Record<string, unknown>[];
  entities: Entity[];
  /** service → entity ID → latest attempt */
  byService: Record<string, Record<string, string>>;
};

type Page = { JobId: string; MaxItems?: number; Marker?: string };

const dates = (o: Record<string, unknown>, keys: string[]) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, keys.includes(k) && typeof v === "string" ? new Date(v) : v]));

function serviceJob(ctx: Ctx, jobId: string) {
  return readJob<Report>(ctx, "service", jobId, (job) => {
    const target = reportTarget(ctx, job.target, ["user", "group", "role", "policy"]);
    const accesses = accessesOf(
      ctx,
      target.entities.map((e) => e.Id),
    );
    const services = serviceReport(allowedServices(target.policies), accesses, job.granularity === "ACTION_LEVEL");
    return { services, entities: target.entities, byService: entityReport(accesses) };
  });
}

const trackedOut = (s: Record<string, unknown>) => {
  const out = dates(s, ["LastAuthenticated"]);
  if (Array.isArray(s.TrackedActionsLastAccessed)) {
    out.TrackedActionsLastAccessed = s.TrackedActionsLastAccessed.map((a: Record<string, unknown>) => dates(a, ["LastAccessedTime"]));
  }
  return out;
};

/** How ListPoliciesGrantingServiceAccess names a policy: managed by ARN, inline by the user, group or role holding it. */
function grantingPolicy(p: PolicyInput) {
  const inline = /^(user|group|role)\/(.+)\/inline\/([^/]+)$/.exec(p.id);
  if (inline) return { PolicyName: inline[3], PolicyType: "INLINE", EntityType: inline[1].toUpperCase(), EntityName: inline[2] };
  return { PolicyName: p.name, PolicyType: "MANAGED", PolicyArn: p.id };
}

export const lastAccessedHandlers: Handlers = {
  GenerateServiceLastAccessedDetails(input: { Arn: string; Granularity?: string }, ctx) {
    reportTarget(ctx, input.Arn, ["user", "group", "role", "policy"]);
    return { JobId: createJob(ctx, "service", input.Arn, { granularity: input.Granularity ?? "SERVICE_LEVEL" }) };
  },

  GetServiceLastAccessedDetails(input: Page, ctx) {
    const { job, report } = serviceJob(ctx, input.JobId);
    const head = { ...jobHead(job, !!report), JobType: job.granularity ?? "SERVICE_LEVEL" };
    if (!report) return { ...head, ServicesLastAccessed: [], IsTruncated: false };
    return { ...head, ...pageOut(arrayPage(input, report.services), "ServicesLastAccessed", trackedOut) };
  },

  GetServiceLastAccessedDetailsWithEntities(input: Page & { ServiceNamespace: string }, ctx) {
    const { job, report } = serviceJob(ctx, input.JobId);
    const head = jobHead(job, !!report);
    if (!report) return { ...head, EntityDetailsList: [], IsTruncated: false };
    const seen = report.byService[input.ServiceNamespace] ?? {};
    const details = report.entities
      .map((e) => ({ EntityInfo: e, ...(seen[e.Id] ? { LastAuthenticated: seen[e.Id] } : {}) }))
      .sort((a, b) => (b.LastAuthenticated ?? "").localeCompare(a.LastAuthenticated ?? ""));
    return { ...head, ...pageOut(arrayPage(input, details), "EntityDetailsList", (d) => dates(d, ["LastAuthenticated"])) };
  },

  ListPoliciesGrantingServiceAccess(input: { Arn: string; ServiceNamespaces: string[]; Marker?: string }, ctx) {
    const target = reportTarget(ctx, input.Arn, ["user", "group", "role"]);
    const effective = target.policies.length ? cachedEffectivePermissions({ identity: target.policies }) : undefined;
    const byId = new Map(target.policies.map((p) => [p.id, p]));
    const entries = input.ServiceNamespaces.map((namespace) => {
      const service = effective?.services.find((s) => s.prefix === namespace.toLowerCase() && s.allowed > 0);
      const ids = new Set<string>();
      for (const level of service?.levels ?? []) {
        for (const a of level.allowedActions) for (const ref of a.grantedBy) ids.add(effective!.statements[ref].policyId);
      }
      const policies = target.policies.filter((p) => ids.has(p.id)).map((p) => grantingPolicy(byId.get(p.id)!));
      return { ServiceNamespace: namespace, Policies: policies };
    });
    return { ...pageOut(arrayPage(input, entries), "PoliciesGrantingServiceAccess", (e) => e) };
  },
};
