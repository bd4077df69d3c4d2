"use client";

import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import ColumnLayout from "@cloudscape-design/components/column-layout";
import Container from "@cloudscape-design/components/container";
import ExpandableSection from "@cloudscape-design/components/expandable-section";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Spinner from "@cloudscape-design/components/spinner";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import { useState } from "react";
import { useEffectivePermissions, type EffectivePrincipal } from "@/lib/queries/effective-permissions";
import { EffectiveTable } from "./effective-table";
import { splitUnrecognized } from "./unrecognized-actions";

const n = (v: number) => v.toLocaleString("en-US");

/**
 * What the principal may do, action by action over the Service Authorization Reference: its identity-based policies
 * (a user's include its groups') within its permissions boundary, per service and access level.
 */
export function EffectivePermissionsTab({ principal }: { principal: EffectivePrincipal }) {
  const summary = useEffectivePermissions(principal);
  const [filter, setFilter] = useState("");
  if (summary.isLoading) return <Spinner size="large" />;
  if (summary.error || !summary.data)
    return (
      <Alert type="error" header="Couldn't compute the effective permissions">
        {summary.error?.message}
      </Alert>
    );
  const s = summary.data;
  const noun = principal.type === "user" ? "user" : "role";
  const { retired, unknown } = splitUnrecognized(s.unrecognized);
  const retiredCount = retired.reduce((total, r) => total + r.actions.length, 0);
  return (
    <SpaceBetween size="l">
      <Container
        header={
          <Header
            variant="h2"
            description={`What this ${noun}'s identity-based policies${principal.type === "user" ? " (its own and its groups')" : ""} allow within its permissions boundary, over every action of the Service Authorization Reference.`}
          >
            Effective permissions
          </Header>
        }
      >
        <ColumnLayout columns={s.blocked ? 6 : 5} variant="text-grid">
          <Stat label="Allowed actions" value={`${n(s.allowed)} of ${n(s.total)}`} testId="effective-allowed" />
          <Stat label="Full" value={n(s.full)} />
          <Stat label="Partial (some resources)" value={n(s.partial)} />
          <Stat label="Conditional" value={n(s.conditional)} />
          {s.blocked > 0 && <Stat label="Not allowed by the boundary" value={n(s.blocked)} />}
          <Stat label="Denied by a Deny statement" value={n(s.denied)} />
        </ColumnLayout>
        {retiredCount > 0 && (
          <Box padding={{ top: "s" }} data-testid="effective-retired">
            <StatusIndicator type="info" colorOverride="grey">
              {`${n(retiredCount)} action${retiredCount === 1 ? "" : "s"} of retired services (${retired.map((r) => r.service.name).join(", ")}) match nothing.`}
            </StatusIndicator>
          </Box>
        )}
      </Container>
      {unknown.length > 0 && (
        <Alert type="warning" header="Unrecognized actions">
          {unknown
            .map((u) => `${u.pattern} in ${u.policyName} (${u.reason === "service" ? "no such service" : "no such action"})`)
            .join("; ")}
        </Alert>
      )}
      <EffectiveTable principal={principal} services={s.services} filter={filter} onFilter={setFilter} />
      <ExpandableSection variant="container" headerText={`Policies evaluated (${s.policies.length})`}>
        {s.policies.length ? (
          <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="effective-policies">
            {s.policies.map((p) => (
              <li key={p.id}>
                {p.policyName} · {p.type} · {p.via}
              </li>
            ))}
          </ul>
        ) : (
          <Box color="text-status-inactive">No policies: every action is implicitly denied.</Box>
        )}
        <Box variant="small" color="text-body-secondary" padding={{ top: "s" }}>
          Action catalogue: {s.catalogueVersion}. Resource ARNs other than &quot;*&quot; count as partial; conditions as conditional.
        </Box>
      </ExpandableSection>
    </SpaceBetween>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Box variant="awsui-key-label">{label}</Box>
      <Box variant="awsui-value-large" data-testid={testId}>
        {value}
      </Box>
    </div>
  );
}
