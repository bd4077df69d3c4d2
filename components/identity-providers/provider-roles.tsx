"use client";

import Box from "@cloudscape-design/components/box";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import Table from "@cloudscape-design/components/table";
import { useRouter } from "next/navigation";
import { ApiErrorAlert } from "@/components/common/api-error-alert";
import { headerCounter } from "@/components/common/list-counts";
import { roleHref } from "@/components/roles/role-href";
import { useProviderRoles } from "@/lib/queries/identity-providers";
import { dateTime } from "@/lib/format/time";

/** "Roles that trust this provider": the account's roles whose trust policies name the provider as `Federated`. */
export function ProviderRoles({ arn }: { arn: string }) {
  const router = useRouter();
  const query = useProviderRoles(arn);
  const items = query.data ?? [];
  return (
    <Table
      data-testid="provider-roles"
      variant="container"
      loading={query.isPending}
      loadingText="Loading roles"
      items={items}
      trackBy="roleName"
      header={
        <Header
          variant="h2"
          counter={headerCounter(query.data?.length)}
          description="Roles whose trust policies name this provider as a federated principal. They can be assumed with credentials from it."
        >
          Roles that trust this provider
        </Header>
      }
      columnDefinitions={[
        {
          id: "roleName",
          header: "Role name",
          cell: (r) => (
            <Link href={roleHref(r.roleName)} onFollow={(e) => (e.preventDefault(), router.push(roleHref(r.roleName)))}>
              {r.roleName}
            </Link>
          ),
        },
        { id: "description", header: "Description", cell: (r) => r.description || "-" },
        { id: "created", header: "Creation time", cell: (r) => dateTime(r.createDate) },
      ]}
      empty={<Box textAlign="center">{query.error ? <ApiErrorAlert error={query.error} /> : "No roles trust this provider."}</Box>}
    />
  );
}
