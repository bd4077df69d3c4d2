"use client";

import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import Select from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import { useMemo, useState } from "react";
import { headerCounter } from "@/components/common/list-counts";
import { ListPagination } from "@/components/common/list-pagination";
import { SearchFilter } from "@/components/common/search-filter";
import { TablePreferences } from "@/components/common/table-preferences";
import { useListCollection } from "@/components/common/use-list-collection";
import { usePolicies } from "@/lib/queries/policies";
import type { PolicySummary } from "@/lib/server/services/policies";
import { matchesType, policyTypeLabel, TYPE_FILTERS, type TypeFilter } from "./policy-labels";
import { PolicySummaryModal } from "./policy-summary-modal";

type Row = PolicySummary & { typeLabel: string };

/**
 * Choose managed policies (AWS or customer managed) to attach, as the console's "Permissions policies" table: the
 * whole list, filtered by type and name, sorted and paged in the browser. `selected` is a list of policy ARNs, kept
 * across pages and filters; `single` picks one (e.g. a permissions boundary). Each row's "View summary" shows the
 * policy's permissions before it is chosen (not inside another modal: `noSummaries`).
 */
export function PolicyPicker(props: {
  selected: string[];
  onChange: (arns: string[], policies: PolicySummary[]) => void;
  single?: boolean;
  title?: string;
  noSummaries?: boolean;
}) {
  const query = usePolicies();
  const [type, setType] = useState<TypeFilter>("All");
  const [viewing, setViewing] = useState<PolicySummary>();
  const rows = useMemo(() => query.data?.map((p): Row => ({ ...p, typeLabel: policyTypeLabel(p) })), [query.data]);
  const narrowed = useMemo(() => rows?.filter((p) => matchesType(p, type)), [rows, type]);
  const list = useListCollection(narrowed, {
    searchText: (p) => [p.policyName],
    sortingField: "policyName",
    pageSize: 10,
    narrowed: type !== "All",
  });
  const chosen = new Set(props.selected);
  const selectedItems = (rows ?? []).filter((p) => chosen.has(p.arn));

  return (
    <>
      <Table
        {...list.collectionProps}
        data-testid="policy-picker"
        items={list.items}
        trackBy="arn"
        selectionType={props.single ? "single" : "multi"}
        selectedItems={selectedItems}
        onSelectionChange={(e) =>
          props.onChange(
            e.detail.selectedItems.map((p) => p.arn),
            [...e.detail.selectedItems],
          )
        }
        ariaLabels={{
          itemSelectionLabel: (_, p) => p.policyName,
          allItemsSelectionLabel: () => "Select all policies on this page",
          selectionGroupLabel: "Policies",
        }}
        loading={query.isLoading}
        loadingText="Loading policies"
        columnDefinitions={[
          { id: "name", header: "Policy name", sortingField: "policyName", cell: (p) => p.policyName },
          { id: "type", header: "Type", sortingField: "typeLabel", cell: (p) => p.typeLabel },
          { id: "attached", header: "Attached entities", sortingField: "attachmentCount", cell: (p) => p.attachmentCount },
          ...(props.noSummaries
            ? []
            : [
                {
                  id: "summary",
                  header: "Permissions",
                  cell: (p: Row) => (
                    <Link onFollow={() => setViewing(p)} ariaLabel={`View summary of ${p.policyName}`}>
                      View summary
                    </Link>
                  ),
                },
              ]),
        ]}
        header={<Header counter={headerCounter(query.data?.length, props.selected.length)}>{props.title ?? "Permissions policies"}</Header>}
        filter={
          <SpaceBetween direction="horizontal" size="xs">
            <SearchFilter
              value={list.filterProps.filteringText}
              onChange={list.actions.setFiltering}
              countText={list.countText}
              placeholder="Search policies by name"
              ariaLabel="Filter policies"
            />
            <Select
              selectedOption={TYPE_FILTERS.find((t) => t.value === type)!}
              options={TYPE_FILTERS.map((t) => ({ ...t }))}
              onChange={(e) => (setType(e.detail.selectedOption.value as TypeFilter), list.actions.setCurrentPage(1))}
              ariaLabel="Filter by type"
            />
          </SpaceBetween>
        }
        pagination={<ListPagination {...list.paginationProps} />}
        preferences={<TablePreferences pageSize={list.pageSize} onPageSizeChange={list.setPageSize} noun="policies" />}
        empty={query.error ? query.error.message : list.filtered ? "No policies match the filter." : "No policies to display."}
      />
      {viewing && <PolicySummaryModal policy={viewing} onDismiss={() => setViewing(undefined)} />}
    </>
  );
}
