import type { Ctx, Handlers } from "../context";
import { sql } from "../store/db";
import { AwsError } from "../protocol/errors";
import { buildCredentialReport } from "./credential-report-csv";

/** Generation takes a moment, as on AWS, so callers meet ReportInProgress and INPROGRESS before COMPLETE. */
const REPORT_GENERATION_MS = 1000;
/** A report is served for four hours; after that GetCredentialReport says it expired and Generate starts anew. */
const REPORT_LIFETIME_MS = 4 * 3_600_000;

// AWS sends these three errors with no message text.
const reportNotPresent = () => new AwsError("ReportNotPresent", "", 410);
const reportExpired = () => new AwsError("ReportExpired", "", 410);
const reportInProgress = () => new AwsError("ReportInProgress", "", 404);

type Report = { content: string; generated: Date; age: number };

function currentReport(ctx: Ctx): Report | undefined {
  const row = sql(ctx.db, "SELECT credential_report, credential_report_date FROM accounts WHERE account_id = ?").get(ctx.accountId) as
    { credential_report: string | null; credential_report_date: string | null } | undefined;
  if (!row?.credential_report || !row.credential_report_date) return undefined;
  const generated = new Date(row.credential_report_date);
  return { content: row.credential_report, generated, age: ctx.now.getTime() - generated.getTime() };
}

export const credentialReportHandlers: Handlers = {
  GenerateCredentialReport(_input: Record<string, never>, ctx) {
    const report = currentReport(ctx);
    if (report && report.age < REPORT_GENERATION_MS) return { State: "INPROGRESS" };
    if (report && report.age < REPORT_LIFETIME_MS) return { State: "COMPLETE" };
    sql(
      ctx.db,
      `INSERT INTO accounts (account_id, credential_report, credential_report_date) VALUES (?, ?, ?)
       ON CONFLICT (account_id) DO UPDATE SET credential_report = excluded.credential_report,
         credential_report_date = excluded.credential_report_date`,
    ).run(ctx.accountId, buildCredentialReport(ctx), ctx.now.toISOString());
    return report ? { State: "STARTED" } : { State: "STARTED", Description: "No report exists. Starting a new report generation task" };
  },

  GetCredentialReport(_input: Record<string, never>, ctx) {
    const report = currentReport(ctx);
    if (!report) throw reportNotPresent();
    if (report.age < REPORT_GENERATION_MS) throw reportInProgress();
    if (report.age >= REPORT_LIFETIME_MS) throw reportExpired();
    return { Content: Buffer.from(report.content, "utf8"), ReportFormat: "text/csv", GeneratedTime: report.generated };
  },
};
