"use client";

import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import Select from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table, { type TableProps } from "@cloudscape-design/components/table";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { MarkerPagination } from "@/components/common/marker-pagination";
import { SearchFilter } from "@/components/common/search-filter";
import { useMarkerSearch } from "@/components/common/use-marker-search";
import { useBreadcrumbs } from "@/components/shell/shell-context";
import { policyHref, usePolicies, usePolicyDescriptions, type PolicySummary } from "@/lib/queries/policies";
import { DeletePolicyModal } from "./delete-policy-modal";
import {
  PAGINATION_LABELS,
  policyTypeLabel,
  scopeQuery,
  TYPE_FILTERS,
  USAGE_FILTERS,
  usedAsLabel,
  type TypeFilter,
  type UsageFilter,
} from "./policy-labels";

const PAGE_SIZE = 25;

type SortKey = "policyName" | "type" | "usedAs";

export function PoliciesTable() {
  useBreadcrumbs([{ text: "Policies", href: "/policies" }]);
  const router = useRouter();
  const [type, setType] = useState<TypeFilter>("All");
  const [usage, setUsage] = useState<UsageFilter>("");
  const search = useMarkerSearch(type, usage);
  const { filter, pages } = search;
  const query = usePolicies({ ...scopeQuery(type), usage: usage || undefined, ...search.params, pageSize: PAGE_SIZE });
  const policies = useMemo(() => query.data?.items ?? [], [query.data]);
  const descriptions = usePolicyDescriptions(policies.map((p) => p.arn));
  const [selected, setSelected] = useState<PolicySummary[]>([]);
  const [deleting, setDeleting] = useState<PolicySummary | null>(null);
  const [sorting, setSorting] = useState<{ key: SortKey; descending: boolean }>({ key: "policyName", descending: false });

  const rows = useMemo(() => {
    const value = (p: PolicySummary) =>
      sorting.key === "type" ? policyTypeLabel(p) : sorting.key === "usedAs" ? usedAsLabel(p) : p.policyName;
    return [...policies].sort((a, b) => value(a).localeCompare(value(b)) * (sorting.descending ? -1 : 1));
  }, [policies, sorting]);

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
    { id: "type", header: "Type", sortingField: "type", cell: policyTypeLabel },
    { id: "usedAs", header: "Used as", sortingField: "usedAs", cell: usedAsLabel },
    {
      id: "description",
      header: "Description",
      maxWidth: 480,
      cell: (p) => (descriptions.data ? descriptions.data[p.arn] || "-" : "…"),
    },
  ];
  const one = selected.length === 1 ? selected[0] : undefined;

  return (
    <>
      <Table
        variant="full-page"
        items={rows}
        columnDefinitions={columns}
        trackBy="arn"
        loading={query.isLoading}
        loadingText="Loading policies"
        selectionType="single"
        selectedItems={selected}
        onSelectionChange={(e) => setSelected(e.detail.selectedItems)}
        sortingColumn={{ sortingField: sorting.key }}
        sortingDescending={sorting.descending}
        onSortingChange={(e) =>
          setSorting({ key: e.detail.sortingColumn.sortingField as SortKey, descending: e.detail.isDescending ?? false })
        }
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={`(${rows.length}${pages.hasMore(query.data?.nextToken) ? "+" : ""})`}
            description="A policy is an object in AWS that defines permissions."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button
                  iconName="refresh"
                  ariaLabel="Refresh"
                  loading={query.isFetching && !query.isLoading}
                  onClick={() => void query.refetch()}
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
              <SearchFilter
                value={search.text}
                onChange={search.setText}
                placeholder="Search policies by name"
                ariaLabel="Filter policies"
              />
            </div>
            <Select
              selectedOption={TYPE_FILTERS.find((t) => t.value === type)!}
              options={TYPE_FILTERS.map((t) => ({ ...t }))}
              onChange={(e) => setType(e.detail.selectedOption.value as TypeFilter)}
              ariaLabel="Filter by type"
              data-testid="policy-type-filter"
            />
            <Select
              selectedOption={USAGE_FILTERS.find((u) => u.value === usage)!}
              options={USAGE_FILTERS.map((u) => ({ ...u }))}
              onChange={(e) => setUsage(e.detail.selectedOption.value as UsageFilter)}
              ariaLabel="Filter by use"
              data-testid="policy-usage-filter"
            />
          </SpaceBetween>
        }
        pagination={<MarkerPagination pages={pages} nextToken={query.data?.nextToken} ariaLabels={PAGINATION_LABELS} />}
        empty={query.error ? query.error.message : filter ? "No policies match the filter." : "No policies to display."}
      />
      {deleting && <DeletePolicyModal policy={deleting} onClose={() => setDeleting(null)} onDeleted={() => setSelected([])} />}
    </>
  );
}
