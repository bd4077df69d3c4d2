import type { Ctx, Handlers } from "../context";
import { sql } from "../store/db";
import { AwsError, invalidInput } from "../protocol/errors";
import { getMember, getOrg, orgMembers, pathOf, targetExists, typeEnabled } from "../organizations/tree";
import { attachedPolicies } from "../organizations/attachments";
import type { Org } from "../organizations/shared";
import { services as catalogueServices } from "../../lib/policy/catalogue";
import { allowedServices, type AccessRow } from "./last-accessed-report";
import { flushAccess } from "./access-records";
import { createJob, jobHead, readJob } from "./access-report-jobs";
import { arrayPage, pageOut } from "./shared";

type Detail = {
  ServiceName: string;
  ServiceNamespace: string;
  Region?: string;
  EntityPath?: string;
  LastAuthenticatedTime?: string;
  TotalAuthenticatedEntities?: number;
};
type Report = { details: Detail[]; accessible: number; notAccessed: number };

const SCP = "SERVICE_CONTROL_POLICY";
const MAX_PENDING_JOBS = 20;

/** Only an organization's management account sees its access reports ("must be signed in to the management account"). */
function managedOrg(ctx: Ctx): Org {
  const member = getMember(ctx.db, ctx.accountId);
  const org = member && getOrg(ctx.db, member.org_id);
  if (!org || org.management_account_id !== ctx.accountId) {
    throw invalidInput("This operation can be called only from the organization's management account.");
  }
  return org;
}

/** `o-…/r-…[/ou-…]*[/<account>]`: each entity must sit under the previous one. Returns the path's entities. */
function entityPath(ctx: Ctx, org: Org, path: string): string[] {
  const ids = path.replace(/\/$/, "").split("/");
  const last = ids[ids.length - 1];
  const valid =
    ids.length >= 2 && ids[0] === org.org_id && targetExists(ctx.db, org, last) && pathOf(ctx.db, org, last) === `${ids.join("/")}/`;
  if (!valid) throw invalidInput(`Invalid entity path: ${path}`);
  return ids.slice(1);
}

/** The organization's accounts at or under the path, each with its own path. */
function accountsUnder(ctx: Ctx, org: Org, path: string): Map<string, string> {
  const prefix = path.replace(/\/$/, "") + "/";
  const out = new Map<string, string>();
  for (const m of orgMembers(ctx.db, org.org_id)) {
    const own = pathOf(ctx.db, org, m.account_id);
    if (own.startsWith(prefix)) out.set(m.account_id, own.replace(/\/$/, ""));
  }
  return out;
}

/** The services every SCP level along the path allows (all services when SCPs are off), or those the given SCP allows. */
function accessibleServices(ctx: Ctx, org: Org, ids: string[], policyId: string | null): { prefix: string; name: string }[] {
  const policyOf = (p: { policy_id: string; name: string; content: string }) => ({ id: p.policy_id, name: p.name, text: p.content });
  if (policyId) {
    const p = sql(ctx.db, "SELECT * FROM org_policies WHERE policy_id = ? AND (org_id = ? OR org_id = 'aws')").get(policyId, org.org_id) as
      { policy_id: string; name: string; content: string } | undefined;
    if (!p) throw invalidInput(`Invalid policy ID: ${policyId}`);
    return allowedServices([policyOf(p)]);
  }
  if (!typeEnabled(ctx.db, org, SCP)) return [...catalogueServices()];
  let allowed: Set<string> | undefined;
  for (const id of ids) {
    const level = new Set(allowedServices(attachedPolicies(ctx.db, id, SCP).map(policyOf)).map((s) => s.prefix));
    allowed = allowed ? new Set([...allowed].filter((s) => level.has(s))) : level;
  }
  return catalogueServices().filter((s) => allowed?.has(s.prefix));
}

function compute(ctx: Ctx, org: Org, path: string, policyId: string | null): Report {
  const ids = entityPath(ctx, org, path);
  const services = accessibleServices(ctx, org, ids, policyId);
  const accounts = accountsUnder(ctx, org, path);
  flushAccess(ctx.db);
  const marks = [...accounts.keys()].map(() => "?").join(", ");
  const rows = (
    accounts.size ? sql(ctx.db, `SELECT * FROM last_accessed WHERE account_id IN (${marks})`).all(...accounts.keys()) : []
  ) as (AccessRow & { account_id: string })[];
  const details = services.map((s): Detail => {
    const mine = rows.filter((r) => r.service === s.prefix);
    if (!mine.length) return { ServiceName: s.name, ServiceNamespace: s.prefix };
    const last = mine.reduce((a, b) => (a.last_accessed >= b.last_accessed ? a : b));
    return {
      ServiceName: s.name,
      ServiceNamespace: s.prefix,
      Region: last.region,
      EntityPath: accounts.get(last.account_id),
      LastAuthenticatedTime: last.last_accessed,
      TotalAuthenticatedEntities: new Set(mine.map((r) => r.entity_id)).size,
    };
  });
  return { details, accessible: details.length, notAccessed: details.filter((d) => !d.LastAuthenticatedTime).length };
}

const SORTS: Record<string, (a: Detail, b: Detail) => number> = {
  SERVICE_NAMESPACE_ASCENDING: (a, b) => a.ServiceNamespace.localeCompare(b.ServiceNamespace),
  SERVICE_NAMESPACE_DESCENDING: (a, b) => b.ServiceNamespace.localeCompare(a.ServiceNamespace),
  LAST_AUTHENTICATED_TIME_ASCENDING: (a, b) => (a.LastAuthenticatedTime ?? "").localeCompare(b.LastAuthenticatedTime ?? ""),
  LAST_AUTHENTICATED_TIME_DESCENDING: (a, b) => (b.LastAuthenticatedTime ?? "").localeCompare(a.LastAuthenticatedTime ?? ""),
};

export const organizationsAccessReportHandlers: Handlers = {
  GenerateOrganizationsAccessReport(input: { EntityPath: string; OrganizationsPolicyId?: string }, ctx) {
    const org = managedOrg(ctx);
    entityPath(ctx, org, input.EntityPath);
    const pending = sql(
      ctx.db,
      "SELECT COUNT(*) AS n FROM access_report_jobs WHERE account_id = ? AND kind = 'organizations' AND report IS NULL",
    ).get(ctx.accountId) as { n: number };
    if (pending.n >= MAX_PENDING_JOBS) {
      throw new AwsError(
        "ReportGenerationLimitExceeded",
        "The request failed because the maximum number of concurrent requests for this account are already running.",
        409,
      );
    }
    return { JobId: createJob(ctx, "organizations", input.EntityPath, { policyId: input.OrganizationsPolicyId }) };
  },

  GetOrganizationsAccessReport(input: { JobId: string; MaxItems?: number; Marker?: string; SortKey?: string }, ctx) {
    const org = managedOrg(ctx);
    const { job, report } = readJob<Report>(ctx, "organizations", input.JobId, (j) => compute(ctx, org, j.target, j.policy_id));
    const head = jobHead(job, !!report);
    if (!report) return { ...head, IsTruncated: false };
    const details = [...report.details].sort(SORTS[input.SortKey ?? "SERVICE_NAMESPACE_ASCENDING"]);
    return {
      ...head,
      NumberOfServicesAccessible: report.accessible,
      NumberOfServicesNotAccessed: report.notAccessed,
      ...pageOut(arrayPage(input, details), "AccessDetails", (d) => ({
        ...d,
        ...(d.LastAuthenticatedTime ? { LastAuthenticatedTime: new Date(d.LastAuthenticatedTime) } : {}),
      })),
    };
  },
};
