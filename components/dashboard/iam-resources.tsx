"use client";

import Box from "@cloudscape-design/components/box";
import ColumnLayout from "@cloudscape-design/components/column-layout";
import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import { useRouter } from "next/navigation";
import { useAccountSummary, type AccountSummary } from "@/lib/queries/account";

const RESOURCES: { key: keyof AccountSummary; label: string; href?: string }[] = [
  { key: "groups", label: "User groups", href: "/groups" },
  { key: "users", label: "Users", href: "/users" },
  { key: "roles", label: "Roles", href: "/roles" },
  { key: "policies", label: "Policies", href: "/policies" },
  { key: "providers", label: "Identity providers", href: "/identity-providers" },
];

/** GetAccountSummary's counts; "Policies" counts customer managed policies, as in AWS. */
export function IamResources() {
  const router = useRouter();
  const summary = useAccountSummary();
  return (
    <Container
      header={
        <Header variant="h2" description="Resources in this AWS account">
          IAM resources
        </Header>
      }
    >
      {summary.error ? (
        <StatusIndicator type="error">{summary.error.message}</StatusIndicator>
      ) : (
        <ColumnLayout columns={5} variant="text-grid">
          {RESOURCES.map((r) => {
            const value = summary.data ? String(summary.data[r.key]) : "-";
            return (
              <div key={r.key}>
                <Box variant="awsui-key-label">{r.label}</Box>
                <Box variant="awsui-value-large" data-testid={`count-${r.key}`}>
                  {r.href && summary.data ? (
                    <Link
                      variant="awsui-value-large"
                      href={r.href}
                      ariaLabel={`${r.label}: ${value}`}
                      onFollow={(e) => {
                        e.preventDefault();
                        router.push(r.href!);
                      }}
                    >
                      {value}
                    </Link>
                  ) : (
                    value
                  )}
                </Box>
              </div>
            );
          })}
        </ColumnLayout>
      )}
    </Container>
  );
}
