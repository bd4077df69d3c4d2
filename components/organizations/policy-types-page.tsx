"use client";

import Box from "@cloudscape-design/components/box";
import Link from "@cloudscape-design/components/link";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import Table from "@cloudscape-design/components/table";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useRouter } from "next/navigation";
import { ApiErrorAlert } from "@/components/common/api-error-alert";
import { useRoots } from "@/lib/queries/organizations";
import { POLICY_TYPE_INFO, typeHref, type PolicyTypeInfo } from "./org-labels";
import { useOrgBreadcrumbs } from "./use-org-breadcrumbs";

/**
 * "Policies": every policy type and whether it is enabled on the root (ListRoots). Service control and resource
 * control policies are managed here; the other types are listed as the root reports them.
 */
export function PolicyTypesPage() {
  useOrgBreadcrumbs([{ text: "Policies", href: "/organizations/policies" }]);
  const router = useRouter();
  const roots = useRoots();
  const enabled = new Set(roots.data?.[0]?.policyTypes.filter((t) => t.status === "ENABLED").map((t) => t.type));
  const open = (href: string) => router.push(href);
  return (
    <SpaceBetween size="m">
      {roots.error && <ApiErrorAlert error={roots.error} testId="policy-types-error" />}
      <Table<PolicyTypeInfo>
        variant="full-page"
        items={POLICY_TYPE_INFO}
        trackBy="type"
        loading={roots.isLoading}
        loadingText="Loading the root's policy types"
        header={
          <Header
            variant="awsui-h1-sticky"
            description="Policies let you manage your organization's accounts centrally, by type. Enable a type on the root to use it."
          >
            Policies
          </Header>
        }
        columnDefinitions={[
          {
            id: "name",
            header: "Policy type",
            isRowHeader: true,
            cell: (t) =>
              t.kind ? (
                <Link href={typeHref(t.type)} onFollow={(e) => (e.preventDefault(), open(typeHref(t.type)))}>
                  {t.name}
                </Link>
              ) : (
                t.name
              ),
          },
          {
            id: "status",
            header: "Status",
            cell: (t) =>
              enabled.has(t.type) ? (
                <StatusIndicator type="success">Enabled</StatusIndicator>
              ) : (
                <StatusIndicator type="stopped">Disabled</StatusIndicator>
              ),
          },
          { id: "description", header: "Description", maxWidth: 560, cell: (t) => t.description },
          {
            id: "console",
            header: "In this console",
            cell: (t) => (t.kind ? "Create, edit, attach" : <Box color="text-body-secondary">Listed only</Box>),
          },
        ]}
      />
    </SpaceBetween>
  );
}
