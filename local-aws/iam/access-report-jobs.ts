import { randomUUID } from "node:crypto";
import type { Ctx } from "../context";
import { sql } from "../store/db";
import { noSuchEntity } from "../protocol/errors";

export type JobRow = {
  job_id: string;
  account_id: string;
  kind: "service" | "organizations";
  target: string;
  granularity: string | null;
  policy_id: string | null;
  create_date: string;
  completion_date: string | null;
  report: string | null;
};

/** A report job runs a moment, as AWS's do: IN_PROGRESS first, COMPLETED once this much time has passed. */
export const JOB_MS = 1000;

export function createJob(ctx: Ctx, kind: JobRow["kind"], target: string, extra: { granularity?: string; policyId?: string } = {}): string {
  const id = randomUUID();
  sql(
    ctx.db,
    "INSERT INTO access_report_jobs (job_id, account_id, kind, target, granularity, policy_id, create_date) VALUES (?, ?, ?, ?, ?, ?, ?)",
  ).run(id, ctx.accountId, kind, target, extra.granularity ?? null, extra.policyId ?? null, ctx.now.toISOString());
  return id;
}

/**
 * The account's job of that kind; once due, its report is computed (from the data as it stands then) and kept, so
 * later reads of the same job agree. `compute` returns the report, or throws to fail the job.
 */
export function readJob<R>(ctx: Ctx, kind: JobRow["kind"], jobId: string, compute: (job: JobRow) => R): { job: JobRow; report?: R } {
  const job = sql(ctx.db, "SELECT * FROM access_report_jobs WHERE job_id = ? AND account_id = ? AND kind = ?").get(
    jobId,
    ctx.accountId,
    kind,
  ) as JobRow | undefined;
  if (!job) throw noSuchEntity(`The job with ID ${jobId} cannot be found.`);
  if (job.report) return { job, report: JSON.parse(job.report) as R };
  const due = Date.parse(job.create_date) + JOB_MS;
  if (ctx.now.getTime() < due) return { job };
  const report = compute(job);
  const completion = new Date(due).toISOString();
  sql(ctx.db, "UPDATE access_report_jobs SET report = ?, completion_date = ? WHERE job_id = ?").run(
    JSON.stringify(report),
    completion,
    job.job_id,
  );
  return { job: { ...job, completion_date: completion }, report };
}

/** JobStatus and the dates every Get*Report answer carries. */
export const jobHead = (job: JobRow, done: boolean) => ({
  JobStatus: done ? "COMPLETED" : "IN_PROGRESS",
  JobCreationDate: new Date(job.create_date),
  ...(done && job.completion_date ? { JobCompletionDate: new Date(job.completion_date) } : {}),
});
