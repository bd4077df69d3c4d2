"use client";

import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import ExpandableSection from "@cloudscape-design/components/expandable-section";
import FormField from "@cloudscape-design/components/form-field";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import Textarea from "@cloudscape-design/components/textarea";
import { memo, useState } from "react";
import { ActionPicker } from "@/components/simulator/action-picker";
import { DecisionStatus } from "@/components/simulator/decision-status";
import { errorUnder, resourceLines, validateDraft, type FieldErrors } from "@/components/simulator/simulation-form";
import { statementRange } from "@/components/simulator/statement-range";
import { ApiError } from "@/lib/queries/api";
import { useSimulation, type MatchedStatement, type Simulation } from "@/lib/queries/simulator";

/** Where a deciding statement is in the document that was tested, from its own `{` to its `}`. */
const lines = (text: string, s: MatchedStatement) => {
  const r = statementRange(text, s);
  return r.start.line === r.end.line ? `line ${r.end.line}` : `lines ${r.start.line}-${r.end.line}`;
};

/**
 * "Test this policy": the draft in the editor, simulated with SimulateCustomPolicy for chosen actions and resources,
 * before it is saved. The decisions are AWS's (or local-aws's); nothing is created.
 */
export const PolicyTestPanel = memo(function PolicyTestPanel({ getDocument }: { getDocument: () => string }) {
  const [expanded, setExpanded] = useState(false);
  const [actions, setActions] = useState<string[]>([]);
  const [resources, setResources] = useState("*");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ApiError>();
  const [result, setResult] = useState<Simulation & { document: string }>();
  const simulation = useSimulation();

  const run = () => {
    const document = getDocument();
    const draft = { kind: "custom" as const, policies: [document], actions, resources, context: [] };
    const found = validateDraft(draft);
    setErrors(found);
    setFailure(undefined);
    if (Object.keys(found).length) return;
    simulation.mutate(
      { source: { kind: "custom", policies: [document] }, actions, resources: resourceLines(resources) },
      {
        onSuccess: (r) => setResult({ ...r, document }),
        onError: (err) => {
          const e = err instanceof ApiError ? err : new ApiError("Error", err.message, 500);
          setErrors(e.fieldErrors ?? {});
          setFailure(e.fieldErrors ? undefined : e);
        },
      },
    );
  };

  const policyError = errorUnder(errors, "source.policies")?.message;
  const resourceError = errorUnder(errors, "resources");
  return (
    <div data-testid="policy-test-panel">
      <ExpandableSection
        variant="container"
        headerText="Test this policy"
        headerDescription="Simulate the policy as written (IAM SimulateCustomPolicy) for actions and resources you choose, before you save it."
        expanded={expanded}
        onChange={(e) => setExpanded(e.detail.expanded)}
      >
        {expanded && (
          <SpaceBetween size="m">
            <ActionPicker
              value={actions}
              onChange={setActions}
              expanded={Object.fromEntries((result?.expanded ?? []).map((e) => [e.pattern, e.count]))}
              errorText={errorUnder(errors, "actions")?.message}
            />
            <FormField
              label="Resource ARNs"
              description='One per line; "*" for every resource.'
              errorText={
                resourceError &&
                (resourceError.index !== undefined ? `Line ${resourceError.index + 1}: ${resourceError.message}` : resourceError.message)
              }
              stretch
            >
              <Textarea
                value={resources}
                onChange={(e) => setResources(e.detail.value)}
                rows={2}
                ariaLabel="Resource ARNs to test"
                data-testid="policy-test-resources"
              />
            </FormField>
            {policyError && (
              <Alert type="error" header="The policy can't be simulated as written">
                {policyError}
              </Alert>
            )}
            {failure && (
              <Alert type="error" header={failure.code}>
                {failure.message}
              </Alert>
            )}
            <Button onClick={run} loading={simulation.isPending} data-testid="policy-test-run">
              Run test
            </Button>
            {result && (
              <Table
                data-testid="policy-test-results"
                variant="embedded"
                items={result.rows}
                trackBy="id"
                columnDefinitions={[
                  { id: "action", header: "Action", cell: (r) => r.action },
                  { id: "resource", header: "Resource", cell: (r) => r.resource },
                  { id: "decision", header: "Decision", cell: (r) => <DecisionStatus decision={r.decision} /> },
                  {
                    id: "statements",
                    header: "Deciding statements",
                    cell: (r) => (r.matchedStatements.length ? r.matchedStatements.map((m) => lines(result.document, m)).join(", ") : "-"),
                  },
                  { id: "missing", header: "Missing context values", cell: (r) => r.missingContextValues.join(", ") || "-" },
                ]}
                empty={<Box color="text-status-inactive">No results.</Box>}
              />
            )}
          </SpaceBetween>
        )}
      </ExpandableSection>
    </div>
  );
});
