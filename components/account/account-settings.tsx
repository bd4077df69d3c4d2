"use client";

import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import ContentLayout from "@cloudscape-design/components/content-layout";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useBreadcrumbs } from "@/components/shell/shell-context";
import { usePasswordPolicy } from "@/lib/queries/account";
import { DEFAULT_POLICY_RULES, policyRules } from "./policy-rules";
import { ResetPolicyModal } from "./reset-policy-modal";

export function AccountSettings() {
  useBreadcrumbs([{ text: "Account settings", href: "/account-settings" }]);
  const router = useRouter();
  const query = usePasswordPolicy();
  const [resetting, setResetting] = useState(false);
  const policy = query.data?.policy;
  const rules = policy ? policyRules(policy) : DEFAULT_POLICY_RULES;

  return (
    <ContentLayout header={<Header variant="h1">Account settings</Header>}>
      <Container
        header={
          <Header
            variant="h2"
            description="A password policy is a set of rules that define complexity requirements and mandatory rotation periods for your IAM users' passwords."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                {policy && (
                  <Button onClick={() => setResetting(true)} data-testid="policy-reset">
                    Reset to default
                  </Button>
                )}
                <Button
                  onClick={() => router.push("/account-settings/edit-password-policy")}
                  disabled={!query.data}
                  data-testid="policy-edit"
                >
                  Edit
                </Button>
              </SpaceBetween>
            }
          >
            Password policy
          </Header>
        }
      >
        {query.isLoading && <StatusIndicator type="loading">Loading password policy</StatusIndicator>}
        {query.error && <StatusIndicator type="error">{query.error.message}</StatusIndicator>}
        {query.data && (
          <SpaceBetween size="s">
            <Box data-testid="policy-kind">
              {policy
                ? "This AWS account uses the following custom password policy:"
                : "This AWS account uses the following default password policy:"}
            </Box>
            <ul data-testid="policy-rules" style={{ margin: 0 }}>
              {rules.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </SpaceBetween>
        )}
      </Container>
      <ResetPolicyModal visible={resetting} onClose={() => setResetting(false)} />
    </ContentLayout>
  );
}
