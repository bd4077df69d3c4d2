"use client";

import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import { useRouter } from "next/navigation";
import { useBreadcrumbs } from "@/components/shell/shell-context";
import { ApiErrorAlert } from "@/components/common/api-error-alert";
import { useProviders } from "@/lib/queries/identity-providers";
import { ago } from "@/lib/format/time";
import { providerHref } from "./provider-href";

/** The AWS console's Identity providers page: provider, type and creation time, and "Add provider". */
export function ProvidersTable() {
  useBreadcrumbs([{ text: "Identity providers", href: "/identity-providers" }]);
  const router = useRouter();
  const query = useProviders();
  const items = query.data ?? [];
  return (
    <SpaceBetween size="m">
      {query.error && <ApiErrorAlert error={query.error} />}
      <Table
        items={items}
        loading={query.isLoading}
        loadingText="Loading identity providers"
        trackBy="arn"
        variant="full-page"
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={query.data ? `(${items.length})` : undefined}
            description="Use an identity provider (IdP) to manage your user identities outside of AWS and give them permissions to use AWS resources in your account."
            actions={
              <Button
                variant="primary"
                href="/identity-providers/create"
                onFollow={(e) => (e.preventDefault(), router.push("/identity-providers/create"))}
              >
                Add provider
              </Button>
            }
          >
            Identity providers
          </Header>
        }
        columnDefinitions={[
          {
            id: "provider",
            header: "Provider",
            cell: (p) => (
              <Link href={providerHref(p.arn)} onFollow={(e) => (e.preventDefault(), router.push(providerHref(p.arn)))}>
                {p.name}
              </Link>
            ),
          },
          { id: "type", header: "Type", cell: (p) => p.type },
          { id: "created", header: "Creation time", cell: (p) => (p.createDate ? ago(p.createDate) : "-") },
        ]}
        empty={
          <Box textAlign="center" color="inherit">
            <b>No identity providers</b>
            <Box variant="p" color="inherit">
              No identity providers to display.
            </Box>
          </Box>
        }
      />
    </SpaceBetween>
  );
}
