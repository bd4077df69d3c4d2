import "server-only";
import { GenerateCredentialReportCommand, GetCredentialReportCommand } from "@aws-sdk/client-iam";
import { iamClient } from "../aws-clients";
import { fromSdkError, ServiceError } from "../errors";
import type { Principal } from "../principal";
import { parseCsv } from "./credential-report-csv";

export type AccessKeyFinding = {
  userName: string;
  keyNumber: 1 | 2;
  lastRotated: string;
  lastUsed?: string;
  /** "old": active for more than 90 days; "unused": not used for 90 days; "never-used": no recorded use. */
  kind: "old" | "unused" | "never-used";
};

export type CredentialReportFindings = {
  generatedTime: string;
  usersInReport: number;
  activeKeys: number;
  findings: AccessKeyFinding[];
  /** Findings beyond the first MAX_FINDINGS, counted but not listed. */
  moreFindings: number;
};

const DAYS_90 = 90 * 86_400_000;
const MAX_FINDINGS = 100;
const RETRY_MS = 400;
const RETRIES = 25;

// The SDK names AWS's ReportNotPresent, ReportExpired and ReportInProgress after its own exception classes.
const MISSING = new Set(["CredentialReportNotPresent", "CredentialReportExpired", "ReportNotPresent", "ReportExpired"]);
const IN_PROGRESS = new Set(["CredentialReportNotReady", "ReportInProgress"]);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const date = (v: string | undefined) => (v && v !== "N/A" && v !== "no_information" && v !== "not_supported" ? new Date(v) : undefined);

/** Asks for a report and waits while AWS answers ReportInProgress; a report is reused for four hours. */
async function fetchReport(principal: Principal) {
  const iam = iamClient(principal);
  for (let attempt = 0; attempt < RETRIES; attempt++) {
    try {
      return await iam.send(new GetCredentialReportCommand({}));
    } catch (err) {
      const code = fromSdkError(err).code;
      if (MISSING.has(code)) await iam.send(new GenerateCredentialReportCommand({}));
      else if (!IN_PROGRESS.has(code)) throw err;
    }
    await sleep(RETRY_MS);
  }
  throw new ServiceError("ReportInProgress", "The credential report is still being generated. Try again in a moment.", 503);
}

function keyFindings(row: Record<string, string>, now: number): AccessKeyFinding[] {
  return ([1, 2] as const).flatMap((n) => {
    if (row[`access_key_${n}_active`] !== "true") return [];
    const rotated = date(row[`access_key_${n}_last_rotated`]);
    const used = date(row[`access_key_${n}_last_used_date`]);
    const base = { userName: row.user, keyNumber: n, lastRotated: rotated?.toISOString() ?? "", lastUsed: used?.toISOString() };
    const out: AccessKeyFinding[] = [];
    if (rotated && now - rotated.getTime() > DAYS_90) out.push({ ...base, kind: "old" });
    if (!used) out.push({ ...base, kind: "never-used" });
    else if (now - used.getTime() > DAYS_90) out.push({ ...base, kind: "unused" });
    return out;
  });
}

/** IAM users' active access keys that are older than 90 days, never used, or unused for 90 days (root excluded). */
export async function getCredentialReportFindings({ principal }: { principal: Principal }): Promise<CredentialReportFindings> {
  try {
    const report = await fetchReport(principal);
    const rows = parseCsv(new TextDecoder().decode(report.Content)).filter((r) => r.user !== "<root_account>");
    const now = Date.now();
    const findings = rows.flatMap((r) => keyFindings(r, now));
    const activeKeys = rows.reduce(
      (n, r) => n + (r.access_key_1_active === "true" ? 1 : 0) + (r.access_key_2_active === "true" ? 1 : 0),
      0,
    );
    return {
      generatedTime: (report.GeneratedTime ?? new Date()).toISOString(),
      usersInReport: rows.length,
      activeKeys,
      findings: findings.slice(0, MAX_FINDINGS),
      moreFindings: Math.max(0, findings.length - MAX_FINDINGS),
    };
  } catch (err) {
    throw fromSdkError(err);
  }
}
