"use client";

import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import Select from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table, { type TableProps } from "@cloudscape-design/components/table";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { headerCounter } from "@/components/common/list-counts";
import { ListPagination } from "@/components/common/list-pagination";
import { SearchFilter } from "@/components/common/search-filter";
import { TablePreferences } from "@/components/common/table-preferences";
import { useServerList } from "@/components/common/use-server-list";
import { useBreadcrumbs } from "@/components/shell/shell-context";
import { POLICIES_URL, policyHref, policyKeys, usePolicyDescriptions, type PolicySummary } from "@/lib/queries/policies";
import { policyTypeLabel, TYPE_FILTERS, USAGE_FILTERS, usedAsLabel, type TypeFilter, type UsageFilter } from "./policy-labels";

// Loads after the page: only a click on Delete shows it.
const DeletePolicyModal = dynamic(() => import("./delete-policy-modal").then((m) => m.DeletePolicyModal), { ssr: false });

/**
 * The AWS console's Policies page: every managed policy (AWS's and the account's), filtered by type, use and name,
 * sorted and paged on the server. ListPolicies leaves descriptions out, so they are read for the visible rows.
 */
export function PoliciesTable() {
  useBreadcrumbs([{ text: "Policies", href: "/policies" }]);
  const router = useRouter();
  const [type, setType] = useState<TypeFilter>("All");
  const [usage, setUsage] = useState<UsageFilter>("");
  const list = useServerList<PolicySummary>({
    url: POLICIES_URL,
    queryKey: policyKeys.lists(),
    defaultSort: "policyName",
    extra: { type, usage },
    syncUrl: true,
  });
  const { items, query } = list;
  const descriptions = usePolicyDescriptions(items.map((p) => p.arn));
  const [deleting, setDeleting] = useState<PolicySummary | null>(null);
  const one = list.selectedItems[0];

  const open = (p: PolicySummary) => router.push(policyHref(p.arn));
  const columns: TableProps.ColumnDefinition<PolicySummary>[] = [
    {
      id: "policyName",
      header: "Policy name",
      sortingField: "policyName",
      cell: (p) => (
        <Link href={policyHref(p.arn)} onFollow={(e) => (e.preventDefault(), open(p))}>
          {p.policyName}
        </Link>
      ),
    },
    { id: "type", header: "Type", sortingField: "typeLabel", cell: policyTypeLabel },
    { id: "usedAs", header: "Used as", sortingField: "usedAs", cell: usedAsLabel },
    {
      id: "description",
      header: "Description",
      maxWidth: 480,
      cell: (p) => (descriptions.data ? descriptions.data[p.arn] || "-" : "…"),
    },
  ];
  // Another type or use starts again from page 1, as a new search does.
  const narrow = (next: () => void) => (next(), list.restart());

  return (
    <>
      <Table
        {...list.tableProps}
        trackBy="arn"
        data-testid="policies-table"
        variant="full-page"
        items={items}
        columnDefinitions={columns}
        loading={query.isLoading}
        loadingText="Loading policies"
        selectionType="single"
        ariaLabels={{ itemSelectionLabel: (_, p) => p.policyName, selectionGroupLabel: "Policies" }}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={headerCounter(list.total)}
            description="A policy is an object in AWS that defines permissions."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button
                  iconName="refresh"
                  ariaLabel="Refresh"
                  loading={query.isFetching && !query.isLoading}
                  onClick={() => void list.refresh()}
                />
                <Button disabled={!one} onClick={() => one && open(one)}>
                  View
                </Button>
                <Button disabled={!one || one.type !== "Customer managed"} onClick={() => setDeleting(one ?? null)}>
                  Delete
                </Button>
                <Button variant="primary" onClick={() => router.push("/policies/create")}>
                  Create policy
                </Button>
              </SpaceBetween>
            }
          >
            Policies
          </Header>
        }
        filter={
          <SpaceBetween direction="horizontal" size="xs">
            <div style={{ minWidth: 360 }}>
              <SearchFilter {...list.filterProps} placeholder="Search policies by name" ariaLabel="Filter policies" />
            </div>
            <Select
              selectedOption={TYPE_FILTERS.find((t) => t.value === type)!}
              options={TYPE_FILTERS.map((t) => ({ ...t }))}
              onChange={(e) => narrow(() => setType(e.detail.selectedOption.value as TypeFilter))}
              ariaLabel="Filter by type"
              data-testid="policy-type-filter"
            />
            <Select
              selectedOption={USAGE_FILTERS.find((u) => u.value === usage)!}
              options={USAGE_FILTERS.map((u) => ({ ...u }))}
              onChange={(e) => narrow(() => setUsage(e.detail.selectedOption.value as UsageFilter))}
              ariaLabel="Filter by use"
              data-testid="policy-usage-filter"
            />
          </SpaceBetween>
        }
        pagination={<ListPagination {...list.paginationProps} />}
        preferences={<TablePreferences pageSize={list.pageSize} onPageSizeChange={list.setPageSize} noun="policies" />}
        empty={query.error ? query.error.message : list.filtered ? "No policies match the filter." : "No policies to display."}
      />
      {deleting && <DeletePolicyModal policy={deleting} onClose={() => setDeleting(null)} onDeleted={() => list.setSelectedItems([])} />}
    </>
  );
}
