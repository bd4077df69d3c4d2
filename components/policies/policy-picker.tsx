"use client";

import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import Select from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import { useState } from "react";
import { headerCounter } from "@/components/common/list-counts";
import { ListPagination } from "@/components/common/list-pagination";
import { SearchFilter } from "@/components/common/search-filter";
import { TablePreferences } from "@/components/common/table-preferences";
import { useServerList } from "@/components/common/use-server-list";
import { POLICIES_URL, policyKeys } from "@/lib/queries/policies";
import type { PolicySummary } from "@/lib/server/services/policies";
import { policyTypeLabel, TYPE_FILTERS, type TypeFilter } from "./policy-labels";
import { PolicySummaryModal } from "./policy-summary-modal";

/**
 * Choose managed policies (AWS or customer managed) to attach, as the console's "Permissions policies" table: the
 * list filtered by type and name, sorted and paged on the server. `selected` is a list of policy ARNs, kept
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
  const [type, setType] = useState<TypeFilter>("All");
  const [viewing, setViewing] = useState<PolicySummary>();
  const list = useServerList<PolicySummary>({
    url: POLICIES_URL,
    queryKey: policyKeys.lists(),
    defaultSort: "policyName",
    pageSize: 10,
    extra: { type },
  });
  const { query } = list;
  // Matched by ARN (trackBy), so the selection spans pages and filters.
  const selectedItems = props.selected.map((arn) => list.items.find((p) => p.arn === arn) ?? ({ arn } as PolicySummary));

  return (
    <>
      <Table
        {...list.tableProps}
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
          { id: "type", header: "Type", sortingField: "typeLabel", cell: policyTypeLabel },
          { id: "attached", header: "Attached entities", sortingField: "attachmentCount", cell: (p) => p.attachmentCount },
          ...(props.noSummaries
            ? []
            : [
                {
                  id: "summary",
                  header: "Permissions",
                  cell: (p: PolicySummary) => (
                    <Link onFollow={() => setViewing(p)} ariaLabel={`View summary of ${p.policyName}`}>
                      View summary
                    </Link>
                  ),
                },
              ]),
        ]}
        header={<Header counter={headerCounter(list.total, props.selected.length)}>{props.title ?? "Permissions policies"}</Header>}
        filter={
          <SpaceBetween direction="horizontal" size="xs">
            <SearchFilter {...list.filterProps} placeholder="Search policies by name" ariaLabel="Filter policies" />
            <Select
              selectedOption={TYPE_FILTERS.find((t) => t.value === type)!}
              options={TYPE_FILTERS.map((t) => ({ ...t }))}
              onChange={(e) => (setType(e.detail.selectedOption.value as TypeFilter), list.restart())}
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
