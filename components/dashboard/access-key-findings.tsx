"use client";

import Box from "@cloudscape-design/components/box";
import Link from "@cloudscape-design/components/link";
import SpaceBetween from "@cloudscape-design/components/space-between";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import Table from "@cloudscape-design/components/table";
import { useRouter } from "next/navigation";
import { useCredentialReportFindings } from "@/lib/queries/account";
import type { AccessKeyFinding } from "@/lib/server/services/account-credential-report";
import { age, ago, dateTime } from "@/lib/format/time";
import { userHref } from "@/components/users/detail/user-href";

const FINDING: Record<AccessKeyFinding["kind"], string> = {
  old: "Active for more than 90 days: rotate it",
  "never-used": "Never used",
  unused: "Not used for more than 90 days",
};

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

/**
 * IAM users' active access keys from the credential report: old, never used or unused for 90 days. AWS serves the same
 * report for four hours, so it can predate users (and their keys) the account has now (`usersNow`, GetAccountSummary).
 */
export function AccessKeyFindings({ usersNow }: { usersNow?: number }) {
  const router = useRouter();
  const report = useCredentialReportFindings();
  if (report.isLoading) return <StatusIndicator type="loading">Generating the credential report</StatusIndicator>;
  if (report.error) return <StatusIndicator type="error">{report.error.message}</StatusIndicator>;
  const r = report.data!;
  const total = r.findings.length + r.moreFindings;
  const generated = `From the credential report generated ${dateTime(r.generatedTime)}; AWS reuses a report for up to four hours.`;
  const stale = usersNow !== undefined && usersNow !== r.usersInReport && (
    <Box color="text-body-secondary" padding={{ left: "l" }} data-testid="credential-report-stale">
      {`The report lists ${plural(r.usersInReport, "user")}; the account has ${usersNow} now. Users and access keys created since it was generated are checked in the next report.`}
    </Box>
  );
  if (total === 0) {
    return (
      <div data-testid="rec-access-keys" data-ok="true">
        <StatusIndicator type="success">
          <Box variant="strong" color="inherit">
            No IAM user has an active access key that is older than 90 days or unused
          </Box>
        </StatusIndicator>
        <Box color="text-body-secondary" padding={{ left: "l" }}>
          {`${plural(r.activeKeys, "active access key")} across ${plural(r.usersInReport, "user")} in the report. ${generated}`}
        </Box>
        {stale}
      </div>
    );
  }
  const open = (userName: string) => router.push(userHref(userName));
  return (
    <div data-testid="rec-access-keys" data-ok="false">
      <SpaceBetween size="s">
        <div>
          <StatusIndicator type="warning">
            <Box variant="strong" color="inherit">
              {`${total} active access key${total === 1 ? "" : "s"} to review`}
            </Box>
          </StatusIndicator>
          <Box color="text-body-secondary" padding={{ left: "l" }}>
            {`Rotate access keys older than 90 days and deactivate the ones that are not used. ${generated}`}
          </Box>
          {stale}
        </div>
        <Table
          variant="embedded"
          items={r.findings}
          trackBy={(f) => `${f.userName}/${f.keyNumber}/${f.kind}`}
          columnDefinitions={[
            {
              id: "user",
              header: "User",
              cell: (f) => (
                <Link
                  href={userHref(f.userName)}
                  onFollow={(e) => {
                    e.preventDefault();
                    open(f.userName);
                  }}
                >
                  {f.userName}
                </Link>
              ),
            },
            { id: "key", header: "Access key", cell: (f) => `Access key ${f.keyNumber}` },
            { id: "finding", header: "Finding", cell: (f) => FINDING[f.kind] },
            { id: "age", header: "Age", cell: (f) => age(f.lastRotated) },
            { id: "lastUsed", header: "Last used", cell: (f) => ago(f.lastUsed) },
          ]}
          footer={r.moreFindings ? `And ${r.moreFindings} more: see the credential report.` : undefined}
        />
      </SpaceBetween>
    </div>
  );
}
