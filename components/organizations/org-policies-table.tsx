"use client";

import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import TextFilter from "@cloudscape-design/components/text-filter";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiErrorAlert } from "@/components/common/api-error-alert";
import { useOrgPolicies, type OrgPolicySummary } from "@/lib/queries/organizations-policies";
import { DeleteOrgPolicyModal } from "./delete-org-policy-modal";
import { orgPolicyHref, typeHref, type PolicyTypeInfo } from "./org-labels";
import { orgPolicyColumns } from "./org-policy-columns";
import { PolicyTypeStatus } from "./policy-type-status";
import { useOrgBreadcrumbs } from "./use-org-breadcrumbs";

/** One policy type's page: enabled or not on the root, and its policies, AWS managed and the organization's own. */
export function OrgPoliciesTable({ info }: { info: PolicyTypeInfo }) {
  useOrgBreadcrumbs([
    { text: "Policies", href: "/organizations/policies" },
    { text: info.name, href: typeHref(info.type) },
  ]);
  const router = useRouter();
  const policies = useOrgPolicies(info.type);
  const [filter, setFilter] = useState("");
  const [selectedId, setSelectedId] = useState<string>();
  const [deleting, setDeleting] = useState<OrgPolicySummary>();
  const needle = filter.trim().toLowerCase();
  const all = policies.data ?? [];
  const items = all.filter((p) => !needle || `${p.name} ${p.id} ${p.description}`.toLowerCase().includes(needle));
  const selected = all.find((p) => p.id === selectedId);
  const customer = selected && !selected.awsManaged;

  return (
    <SpaceBetween size="m">
      <PolicyTypeStatus info={info} />
      <Table
        variant="full-page"
        items={items}
        trackBy="id"
        columnDefinitions={orgPolicyColumns((href) => router.push(href))}
        loading={policies.isLoading}
        loadingText="Loading policies"
        selectionType="single"
        selectedItems={selected ? [selected] : []}
        onSelectionChange={(e) => setSelectedId(e.detail.selectedItems[0]?.id)}
        ariaLabels={{
          selectionGroupLabel: info.name,
          itemSelectionLabel: (_s, p) => `Select ${p.name}`,
          allItemsSelectionLabel: () => "Select all",
        }}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={policies.data ? `(${all.length})` : undefined}
            description={info.description}
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button
                  iconName="refresh"
                  ariaLabel="Refresh"
                  loading={policies.isFetching && !policies.isLoading}
                  onClick={() => void policies.refetch()}
                />
                <Button disabled={!customer} onClick={() => selected && router.push(orgPolicyHref(info.type, selected.id, "/edit"))}>
                  Edit policy
                </Button>
                <Button disabled={!customer} onClick={() => setDeleting(selected)}>
                  Delete policy
                </Button>
                <Button variant="primary" onClick={() => router.push(`${typeHref(info.type)}/create`)} data-testid="create-org-policy">
                  Create policy
                </Button>
              </SpaceBetween>
            }
          >
            {info.name}
          </Header>
        }
        filter={
          <TextFilter
            filteringText={filter}
            filteringPlaceholder="Find policies by name, ID or description"
            filteringAriaLabel={`Find ${info.name.toLowerCase()}`}
            countText={needle ? `${items.length} match${items.length === 1 ? "" : "es"}` : undefined}
            onChange={(e) => setFilter(e.detail.filteringText)}
          />
        }
        empty={policies.error ? <ApiErrorAlert error={policies.error} /> : needle ? "No policies match the filter." : "No policies."}
      />
      {deleting && (
        <DeleteOrgPolicyModal policy={deleting} onClose={() => setDeleting(undefined)} onDeleted={() => setSelectedId(undefined)} />
      )}
    </SpaceBetween>
  );
}
