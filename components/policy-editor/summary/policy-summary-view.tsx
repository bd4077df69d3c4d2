"use client";

import Box from "@cloudscape-design/components/box";
import { useMemo, useState } from "react";
import { summarizePolicy, type ActionSummaryRow, type ServiceSummaryRow } from "@/lib/policy/summary";
import { ActionResourcesTable } from "./action-resources-table";
import { ServiceActionsTable } from "./service-actions-table";
import { ServicesTables } from "./services-tables";

type Selected = { service: ServiceSummaryRow; action?: ActionSummaryRow };

/** Summarizes the document as it is; drilling into a service, then an action, as the console's three tables do. */
export function PolicySummaryView({ document }: { document: string }) {
  const summary = useMemo(() => summarizePolicy(document), [document]);
  const [selected, setSelected] = useState<Selected>();
  const [filter, setFilter] = useState("");
  const empty = !summary.sections.length && !summary.unrecognizedServices.length;

  return (
    <div data-testid="policy-summary">
      {empty ? (
        <Box color="text-body-secondary" data-testid="policy-summary-empty">
          This policy defines no permissions.
        </Box>
      ) : !selected ? (
        <ServicesTables summary={summary} filter={filter} onFilter={setFilter} onSelect={(service) => setSelected({ service })} />
      ) : !selected.action ? (
        <ServiceActionsTable
          service={selected.service}
          onBack={() => setSelected(undefined)}
          onSelect={(action) => setSelected({ ...selected, action })}
        />
      ) : (
        <ActionResourcesTable
          service={selected.service}
          action={selected.action}
          onBack={() => setSelected({ service: selected.service })}
        />
      )}
    </div>
  );
}
