"use client";

import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import type { ActionSummaryRow, ResourceSummaryRow, ServiceSummaryRow } from "@/lib/policy/summary";
import { NO_APPLICABLE_RESOURCE, effectLabel } from "./summary-labels";

type Props = { service: ServiceSummaryRow; action: ActionSummaryRow; onBack: () => void };

/** The action summary: each resource the policy gives the action, with its Region, account and request conditions. */
export function ActionResourcesTable({ service, action, onBack }: Props) {
  return (
    <SpaceBetween size="m">
      <Button variant="inline-link" iconName="arrow-left" onClick={onBack}>
        Actions
      </Button>
      <Table<ResourceSummaryRow>
        data-testid="policy-summary-resources"
        variant="embedded"
        header={
          <Header variant="h3" description={`${action.accessLevel} · ${effectLabel(service.effect)}`}>
            {action.name} action in {service.name}
          </Header>
        }
        items={action.resources}
        wrapLines
        columnDefinitions={[
          { id: "resource", header: "Resource", cell: (r) => r.resource },
          { id: "region", header: "Region", cell: (r) => r.region },
          { id: "account", header: "Account", cell: (r) => r.account },
          {
            id: "condition",
            header: "Request condition",
            cell: (r) => (r.conditions.length ? r.conditions.map((c) => <div key={c}>{c}</div>) : "None"),
          },
        ]}
        empty={<Box textAlign="center">{NO_APPLICABLE_RESOURCE}</Box>}
      />
    </SpaceBetween>
  );
}
