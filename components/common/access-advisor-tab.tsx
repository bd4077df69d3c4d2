"use client";

import { useState } from "react";
import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import { useAccessAdvisor, type AccessAdvisorAction, type AccessAdvisorService, type LastAccess } from "@/lib/queries/access-advisor";

const NOT_ACCESSED = "Not accessed in the tracking period";

/** When AWS last saw an attempt, in the console's words. */
export function lastAccessedText(iso?: string): string {
  if (!iso) return NOT_ACCESSED;
  const days = Math.floor((Date.now() - Date.parse(iso)) / 86_400_000);
  const when = days <= 0 ? "Today" : days === 1 ? "Yesterday" : `${days} days ago`;
  return `${when} (${new Date(iso).toUTCString()})`;
}

const entityName = (arn?: string) => (arn ? arn.slice(arn.lastIndexOf("/") + 1) : "-");

const accessColumns = <T extends LastAccess>(first: { id: string; header: string; cell: (r: T) => string }) => [
  first,
  { id: "lastAccessed", header: "Last accessed", cell: (r: T) => lastAccessedText(r.lastAccessed) },
  { id: "entity", header: "Accessed by", cell: (r: T) => entityName(r.entity) },
  { id: "region", header: "Region", cell: (r: T) => r.region ?? "-" },
];

/** The Access Advisor tab of a user, group, role or policy: the services its permissions allow and their last use. */
export function AccessAdvisorTab(props: { description: string; arn: string }) {
  const report = useAccessAdvisor(props.arn);
  const [selected, setSelected] = useState<AccessAdvisorService | undefined>();
  const services = [...(report.data?.services ?? [])].sort(
    (a, b) => (b.lastAccessed ?? "").localeCompare(a.lastAccessed ?? "") || a.name.localeCompare(b.name),
  );
  const actions = selected?.actions ?? [];
  return (
    <SpaceBetween size="l">
      {report.error && (
        <Alert type="error" header="Access Advisor could not be loaded">
          {report.error.message}
        </Alert>
      )}
      <Table
        data-testid="access-advisor-services"
        loading={report.isLoading}
        loadingText="Generating the report"
        wrapLines
        items={services}
        trackBy="namespace"
        selectionType="single"
        selectedItems={selected ? [selected] : []}
        onSelectionChange={(e) => setSelected(e.detail.selectedItems[0])}
        ariaLabels={{
          selectionGroupLabel: "Allowed services",
          itemSelectionLabel: (_s, service) => `Select ${service.name}`,
        }}
        columnDefinitions={[
          ...accessColumns<AccessAdvisorService>({ id: "service", header: "Service", cell: (s) => s.name }),
          {
            id: "actions",
            header: "Action last accessed",
            cell: (s) => (s.actions ? `${s.actions.filter((a) => a.lastAccessed).length} of ${s.actions.length} actions accessed` : "-"),
          },
        ]}
        header={
          <Header
            variant="h2"
            counter={report.data ? `(${services.length})` : undefined}
            description={
              <>
                {props.description}
                {report.data && ` Report generated ${new Date(report.data.generatedAt).toUTCString()}.`}
              </>
            }
          >
            Allowed services
          </Header>
        }
        empty={<Box textAlign="center">No services are allowed by the policies.</Box>}
      />
      {selected?.actions && (
        <Table
          data-testid="access-advisor-actions"
          items={actions}
          trackBy="name"
          columnDefinitions={accessColumns<AccessAdvisorAction>({ id: "action", header: "Action", cell: (a) => a.name })}
          header={
            <Header variant="h2" counter={`(${actions.length})`} description="Management actions that IAM tracks for this service.">
              Actions last accessed: {selected.name}
            </Header>
          }
          empty={<Box textAlign="center">No tracked actions are allowed.</Box>}
        />
      )}
    </SpaceBetween>
  );
}
