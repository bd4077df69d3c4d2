"use client";

import Box from "@cloudscape-design/components/box";
import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import type { ReactNode } from "react";
import { useAccountSummary } from "@/lib/queries/account";
import { AccessKeyFindings } from "./access-key-findings";

function Recommendation({ ok, title, children, testId }: { ok: boolean; title: string; children: ReactNode; testId: string }) {
  return (
    <div data-testid={testId} data-ok={ok}>
      <StatusIndicator type={ok ? "success" : "warning"}>
        <Box variant="strong" color="inherit">
          {title}
        </Box>
      </StatusIndicator>
      <Box color="text-body-secondary" padding={{ left: "l" }}>
        {children}
      </Box>
    </div>
  );
}

/** The root user's MFA and access keys (GetAccountSummary), then IAM users' access keys (credential report). */
export function SecurityRecommendations({ backend }: { backend: "local" | "aws" }) {
  const summary = useAccountSummary();
  const s = summary.data;
  return (
    <Container header={<Header variant="h2">Security recommendations</Header>}>
      <SpaceBetween size="l">
        {summary.error && <StatusIndicator type="error">{summary.error.message}</StatusIndicator>}
        {summary.isLoading && <StatusIndicator type="loading">Loading recommendations</StatusIndicator>}
        {s && (
          <Recommendation
            testId="rec-root-mfa"
            ok={s.accountMFAEnabled}
            title={s.accountMFAEnabled ? "Root user has MFA" : "Add MFA for root user"}
          >
            {s.accountMFAEnabled
              ? "Having multi-factor authentication (MFA) for the root user improves security for this account."
              : "Enable multi-factor authentication (MFA) for the root user to improve security for this account."}
          </Recommendation>
        )}
        {s && (
          <Recommendation
            testId="rec-root-keys"
            ok={!s.accountAccessKeysPresent}
            title={s.accountAccessKeysPresent ? "Root user has active access keys" : "Root user has no active access keys"}
          >
            {s.accountAccessKeysPresent
              ? backend === "local"
                ? "Expected in local mode: local-aws always gives the root user the access key it is configured with " +
                  '(LOCAL_AWS_ROOT_ACCESS_KEY_ID, "test" by default), which scripts and the AWS CLI use. In AWS, delete the ' +
                  "root user's access keys and use an IAM user's or a role's instead."
                : "Delete the root user's access keys and use an IAM user's or a role's instead: root access keys can't be limited by policies."
              : "Using access keys attached to an IAM user instead of the root user improves security."}
          </Recommendation>
        )}
        <AccessKeyFindings usersNow={s?.users} />
      </SpaceBetween>
    </Container>
  );
}
