"use client";

import { useCollection } from "@cloudscape-design/collection-hooks";
import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import { ListPagination } from "@/components/common/list-pagination";
import { SearchFilter } from "@/components/common/search-filter";
import { containsText, matchesText } from "@/components/common/list-counts";
import type { ActionSummaryRow, ServiceSummaryRow } from "@/lib/policy/summary";
import { NO_APPLICABLE_RESOURCE, effectLabel } from "./summary-labels";

type Props = { service: ServiceSummaryRow; onBack: () => void; onSelect: (action: ActionSummaryRow) => void };

/** The service summary: the actions the policy names for one service, with their access level, resource and condition. */
export function ServiceActionsTable({ service, onBack, onSelect }: Props) {
  // Kept in the summary's order (access level, then name), as the console groups them.
  const { items, collectionProps, filterProps, paginationProps, actions, filteredItemsCount } = useCollection(service.actions, {
    filtering: { filteringFunction: (a, text) => containsText([a.name, a.accessLevel], text) },
    pagination: { pageSize: 50 },
  });
  const countText = filterProps.filteringText.trim() ? matchesText(filteredItemsCount ?? 0) : undefined;
  return (
    <SpaceBetween size="m">
      <Button variant="inline-link" iconName="arrow-left" onClick={onBack}>
        Services
      </Button>
      {service.unrecognizedActions.length > 0 && (
        <Alert type="warning" header="Unrecognized actions" data-testid="policy-summary-unrecognized-actions">
          {service.name} has no actions that match {service.unrecognizedActions.join(", ")}.
        </Alert>
      )}
      {service.actionsWithoutResource > 0 && <Alert type="warning">{NO_APPLICABLE_RESOURCE}</Alert>}
      <Table<ActionSummaryRow>
        {...collectionProps}
        data-testid="policy-summary-actions"
        variant="embedded"
        header={
          <Header variant="h3" description={service.levels.map((l) => `${l.level} (${l.count} of ${l.total} actions)`).join(", ")}>
            {service.name} ({effectLabel(service.effect)})
          </Header>
        }
        filter={
          <SearchFilter
            value={filterProps.filteringText}
            onChange={actions.setFiltering}
            placeholder="Filter actions"
            ariaLabel="Filter actions"
            countText={countText}
          />
        }
        pagination={<ListPagination {...paginationProps} />}
        items={items}
        trackBy="action"
        wrapLines
        columnDefinitions={[
          {
            id: "action",
            header: "Action",
            width: 260,
            cell: (a) => (
              <Link onFollow={() => onSelect(a)} ariaLabel={a.action}>
                {a.name}
              </Link>
            ),
          },
          { id: "level", header: "Access level", cell: (a) => a.accessLevel },
          { id: "resource", header: "Resource", cell: (a) => a.resource },
          { id: "condition", header: "Request condition", cell: (a) => a.condition },
        ]}
        empty={<Box textAlign="center">No recognized actions.</Box>}
      />
    </SpaceBetween>
  );
}
