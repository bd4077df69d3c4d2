"use client";

import Alert from "@cloudscape-design/components/alert";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import SpaceBetween from "@cloudscape-design/components/space-between";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import Table from "@cloudscape-design/components/table";
import { SearchFilter } from "@/components/common/search-filter";
import { containsText, formatCount, matchesText } from "@/components/common/list-counts";
import type { PolicySummary, ServiceSummaryRow } from "@/lib/policy/summary";
import { NO_APPLICABLE_RESOURCE, effectLabel } from "./summary-labels";

type Props = { summary: PolicySummary; filter: string; onFilter: (text: string) => void; onSelect: (service: ServiceSummaryRow) => void };

/** The policy summary: one table of services per effect, explicit deny first, and the services IAM doesn't recognize. */
export function ServicesTables({ summary, filter, onFilter, onSelect }: Props) {
  const matches = (s: ServiceSummaryRow) => containsText([s.name, s.prefix], filter);
  const shown = summary.sections.reduce((n, section) => n + section.services.filter(matches).length, 0);
  return (
    <SpaceBetween size="l">
      <SearchFilter
        value={filter}
        onChange={onFilter}
        placeholder="Filter services"
        ariaLabel="Filter services"
        countText={filter.trim() ? matchesText(shown) : undefined}
      />
      {summary.unrecognizedServices.length > 0 && (
        <Alert type="warning" header="Unrecognized services" data-testid="policy-summary-unrecognized">
          IAM does not recognize these services, so their access is unknown:{" "}
          {summary.unrecognizedServices.map((u) => `${u.prefix} (${effectLabel(u.effect)}: ${u.actions.join(", ")})`).join("; ")}
        </Alert>
      )}
      {summary.sections.map((section) => (
        <Table<ServiceSummaryRow>
          key={section.effect}
          data-testid={`policy-summary-${section.effect.toLowerCase()}`}
          variant="embedded"
          header={
            <Header variant="h3">
              {effectLabel(section.effect)} ({formatCount(section.services.length)} of {formatCount(summary.serviceCount)} services)
            </Header>
          }
          items={section.services.filter(matches)}
          trackBy="prefix"
          wrapLines
          columnDefinitions={[
            {
              id: "service",
              header: "Service",
              width: 300,
              cell: (s) => (
                <SpaceBetween size="xxxs">
                  <Link onFollow={() => onSelect(s)} ariaLabel={`${s.name} (${effectLabel(s.effect)})`}>
                    {s.name}
                  </Link>
                  {s.unrecognizedActions.length > 0 && <StatusIndicator type="warning">Unrecognized actions</StatusIndicator>}
                  {s.actionsWithoutResource > 0 && <StatusIndicator type="warning">{NO_APPLICABLE_RESOURCE}</StatusIndicator>}
                </SpaceBetween>
              ),
            },
            { id: "access", header: "Access level", cell: (s) => s.accessLevel },
            { id: "resource", header: "Resource", cell: (s) => s.resource },
            { id: "condition", header: "Request condition", cell: (s) => s.condition },
          ]}
          empty="No services match the filter."
        />
      ))}
    </SpaceBetween>
  );
}
