"use client";

import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import ColumnLayout from "@cloudscape-design/components/column-layout";
import Container from "@cloudscape-design/components/container";
import ContentLayout from "@cloudscape-design/components/content-layout";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { ApiErrorAlert } from "@/components/common/api-error-alert";
import { useNotify } from "@/components/shell/shell-context";
import { useCreateOrganization } from "@/lib/queries/organizations-mutations";
import { useOrgBreadcrumbs } from "./use-org-breadcrumbs";

const BENEFITS = [
  ["Centrally manage accounts", "Create accounts and group them into organizational units (OUs) that reflect how you run your workloads."],
  [
    "Control access with policies",
    "Service control policies set the maximum permissions for the IAM users and roles of the accounts they apply to.",
  ],
  ["Reach accounts through a role", "Each account you create gets OrganizationAccountAccessRole, which the management account can assume."],
];

/** AWS's landing page for an account that belongs to no organization. */
export function CreateOrganizationPage() {
  useOrgBreadcrumbs([{ text: "Create an organization" }]);
  const notify = useNotify();
  const create = useCreateOrganization();
  // The new organization replaces this page with its own, unmounting it: the promise still settles, where a mutate()
  // callback would be dropped.
  const submit = () =>
    create.mutateAsync().then(
      (org) =>
        notify({
          type: "success",
          content: `You successfully created an AWS organization (${org.id}). Your account is its management account, and service control policies are enabled on its root.`,
        }),
      () => {},
    );
  return (
    <ContentLayout
      header={
        <Header variant="h1" description="Centrally manage your environment as you grow and scale your workloads on AWS.">
          AWS Organizations
        </Header>
      }
    >
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">Create an organization</Header>}>
          <SpaceBetween size="m">
            <Box>
              Your account becomes the organization&apos;s management account. The organization has all features enabled, and the console
              enables service control policies on its root, which attaches FullAWSAccess to the root and every OU and account.
            </Box>
            {create.error && <ApiErrorAlert error={create.error} testId="create-organization-error" />}
            <Button variant="primary" onClick={submit} loading={create.isPending} data-testid="create-organization">
              Create an organization
            </Button>
          </SpaceBetween>
        </Container>
        <Container header={<Header variant="h2">How it works</Header>}>
          <ColumnLayout columns={3} variant="text-grid">
            {BENEFITS.map(([title, text]) => (
              <div key={title}>
                <Box variant="h3" tagOverride="h3">
                  {title}
                </Box>
                <Box>{text}</Box>
              </div>
            ))}
          </ColumnLayout>
        </Container>
      </SpaceBetween>
    </ContentLayout>
  );
}
