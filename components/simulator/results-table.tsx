"use client";

import { useCollection } from "@cloudscape-design/collection-hooks";
import Box from "@cloudscape-design/components/box";
import Header from "@cloudscape-design/components/header";
import Pagination from "@cloudscape-design/components/pagination";
import SegmentedControl from "@cloudscape-design/components/segmented-control";
import Table from "@cloudscape-design/components/table";
import TextFilter from "@cloudscape-design/components/text-filter";
import { useState } from "react";
import type { SimulationRow } from "@/lib/queries/simulator";
import { DecisionStatus } from "./decision-status";

type Shown = "all" | "allowed" | "denied";

type Props = { rows: SimulationRow[]; selected?: SimulationRow; onSelect: (row: SimulationRow) => void; loading?: boolean };

/** One row per action and resource: the decision, how many statements decided it, and the context keys it lacked. */
export function ResultsTable({ rows, selected, onSelect, loading }: Props) {
  const [shown, setShown] = useState<Shown>("all");
  const visible = rows.filter((r) => shown === "all" || (shown === "allowed") === (r.decision === "allowed"));
  const { items, collectionProps, filterProps, paginationProps, filteredItemsCount } = useCollection(visible, {
    filtering: {
      filteringFunction: (r, text) => `${r.action} ${r.resource}`.toLowerCase().includes(text.toLowerCase()),
      empty: <Box color="text-status-inactive">Run a simulation to see its results.</Box>,
      noMatch: <Box color="text-status-inactive">No results match.</Box>,
    },
    pagination: { pageSize: 50 },
    sorting: {},
  });
  const allowed = rows.filter((r) => r.decision === "allowed").length;
  return (
    <Table
      {...collectionProps}
      data-testid="simulation-results"
      items={items}
      loading={loading}
      loadingText="Simulating"
      trackBy="id"
      selectionType="single"
      selectedItems={selected ? [selected] : []}
      onSelectionChange={(e) => e.detail.selectedItems[0] && onSelect(e.detail.selectedItems[0])}
      onRowClick={(e) => onSelect(e.detail.item)}
      ariaLabels={{ itemSelectionLabel: (_s, r) => `${r.action} on ${r.resource}`, selectionGroupLabel: "Results" }}
      header={
        <Header
          variant="h2"
          counter={rows.length ? `(${allowed} allowed, ${rows.length - allowed} denied)` : undefined}
          description="Choose a result to see the statement that decided it."
          actions={
            <SegmentedControl
              selectedId={shown}
              onChange={(e) => setShown(e.detail.selectedId as Shown)}
              label="Show"
              options={[
                { id: "all", text: "All" },
                { id: "allowed", text: "Allowed" },
                { id: "denied", text: "Denied" },
              ]}
            />
          }
        >
          Results
        </Header>
      }
      filter={<TextFilter {...filterProps} filteringPlaceholder="Find results" countText={`${filteredItemsCount ?? 0} matches`} />}
      pagination={<Pagination {...paginationProps} />}
      columnDefinitions={[
        { id: "action", header: "Action", cell: (r) => r.action, sortingField: "action" },
        { id: "resource", header: "Resource", cell: (r) => r.resource, sortingField: "resource" },
        { id: "decision", header: "Decision", cell: (r) => <DecisionStatus decision={r.decision} />, sortingField: "decision" },
        { id: "statements", header: "Matched statements", cell: (r) => r.matchedStatements.length },
        {
          id: "missing",
          header: "Missing context values",
          cell: (r) => (r.missingContextValues.length ? r.missingContextValues.join(", ") : "-"),
        },
      ]}
    />
  );
}
