"use client";

import Header from "@cloudscape-design/components/header";
import Select from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import { useState } from "react";
import { MarkerPagination } from "@/components/common/marker-pagination";
import { SearchFilter } from "@/components/common/search-filter";
import { useMarkerSearch } from "@/components/common/use-marker-search";
import { usePolicies } from "@/lib/queries/policies";
import type { PolicySummary } from "@/lib/server/services/policies";

const SCOPES = [
  { value: "All", label: "All types" },
  { value: "AWS", label: "AWS managed" },
  { value: "Local", label: "Customer managed" },
] as const;

/**
 * Choose managed policies (AWS or customer managed) to attach, as the console's "Permissions policies" table.
 * `selected` is a list of policy ARNs; `single` picks one (e.g. a permissions boundary).
 */
export function PolicyPicker(props: {
  selected: string[];
  onChange: (arns: string[], policies: PolicySummary[]) => void;
  single?: boolean;
  title?: string;
}) {
  const [scope, setScope] = useState<(typeof SCOPES)[number]>(SCOPES[0]);
  const search = useMarkerSearch(scope.value);
  const query = usePolicies({ scope: scope.value, ...search.params, pageSize: 25 });
  const items = query.data?.items ?? [];
  const [picked, setPicked] = useState<PolicySummary[]>([]);
  const selectedItems = items.filter((p) => props.selected.includes(p.arn));

  return (
    <Table
      items={items}
      trackBy="arn"
      selectionType={props.single ? "single" : "multi"}
      selectedItems={selectedItems}
      onSelectionChange={(e) => {
        const onPage = new Set(items.map((i) => i.arn));
        const kept = picked.filter((p) => props.selected.includes(p.arn) && !onPage.has(p.arn));
        const next = props.single ? e.detail.selectedItems : [...kept, ...e.detail.selectedItems];
        setPicked(next);
        props.onChange(
          props.single
            ? next.map((p) => p.arn)
            : [...props.selected.filter((a) => !onPage.has(a)), ...e.detail.selectedItems.map((p) => p.arn)],
          next,
        );
      }}
      loading={query.isLoading}
      loadingText="Loading policies"
      columnDefinitions={[
        { id: "name", header: "Policy name", cell: (p) => p.policyName },
        { id: "type", header: "Type", cell: (p) => p.type },
        { id: "attached", header: "Attached entities", cell: (p) => p.attachmentCount },
      ]}
      header={
        <Header counter={props.selected.length ? `(${props.selected.length} selected)` : undefined}>
          {props.title ?? "Permissions policies"}
        </Header>
      }
      filter={
        <SpaceBetween direction="horizontal" size="xs">
          <SearchFilter value={search.text} onChange={search.setText} placeholder="Search policies by name" ariaLabel="Filter policies" />
          <Select
            selectedOption={scope}
            options={SCOPES.map((s) => ({ ...s }))}
            onChange={(e) => setScope(SCOPES.find((s) => s.value === e.detail.selectedOption.value) ?? SCOPES[0])}
            ariaLabel="Filter by type"
          />
        </SpaceBetween>
      }
      pagination={<MarkerPagination pages={search.pages} nextToken={query.data?.nextToken} />}
      empty={query.error ? query.error.message : "No policies match."}
    />
  );
}
