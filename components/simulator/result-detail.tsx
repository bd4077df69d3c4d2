"use client";

import Box from "@cloudscape-design/components/box";
import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import { useQuery } from "@tanstack/react-query";
import { PolicyEditor } from "@/components/policy-editor/policy-editor";
import type { SimulationInput } from "@/lib/schemas/simulator";
import { simulate, simulatorKeys, type SimulationRow } from "@/lib/queries/simulator";
import { DecisionStatus } from "./decision-status";
import { explain, LAYER_NAMES } from "./explain";
import { PolicyStatementsView, type PolicyText } from "./policy-statements-view";

const ALLOW_ALL = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] });

type Props = {
  row: SimulationRow;
  /** The simulation the row came from (source, boundary, context), to ask AWS about one layer at a time. */
  input: SimulationInput;
  textOf: (sourcePolicyId: string) => PolicyText | undefined;
  /** The permissions boundary's text and name, when one took part. */
  boundary?: { name: string; text: string };
};

/**
 * When the boundary said no, AWS's result lists no statements. Two more simulations of the same request say why:
 * the boundary alone as a custom policy (its Deny, or nothing that allows), and the principal's policies with an
 * allow-all boundary (the identity-based statements that would have allowed it).
 */
function useBoundaryProbe(props: Props) {
  const { row, input, boundary } = props;
  const enabled = row.allowedByBoundary === false && !!boundary;
  const one = { actions: [row.action], resources: [row.resource], context: input.context };
  const key = [...simulatorKeys.all, "probe", row.id, JSON.stringify(input)];
  const boundaryOnly = useQuery({
    queryKey: [...key, "boundary"],
    queryFn: () => simulate({ ...one, source: { kind: "custom", policies: [boundary!.text] } }),
    enabled,
  });
  const identityOnly = useQuery({
    queryKey: [...key, "identity"],
    queryFn: () => simulate({ ...one, source: input.source, boundary: ALLOW_ALL }),
    enabled: enabled && row.decision === "implicitDeny",
  });
  return { enabled, boundaryOnly, identityOnly };
}

/** Why a result came out as it did: the deciding layer in words, and the deciding statements highlighted in their policies. */
export function ResultDetail(props: Props) {
  const { row, boundary } = props;
  const why = explain(row, (id) => props.textOf(id)?.label ?? id);
  const probe = useBoundaryProbe(props);
  const boundaryRow = probe.boundaryOnly.data?.rows[0];
  const identityRow = probe.identityOnly.data?.rows[0];
  const boundaryText = (id: string): PolicyText | undefined =>
    id === "PolicyInputList.1" && boundary ? { id, label: `${boundary.name} (permissions boundary)`, text: boundary.text } : undefined;

  return (
    <Container
      data-testid="result-detail"
      header={
        <Header variant="h2" description={`${row.action} on ${row.resource}`}>
          Decision details
        </Header>
      }
    >
      <SpaceBetween size="m">
        <div>
          <DecisionStatus decision={row.decision} />
          <Box variant="p" data-testid="decision-summary">
            {why.summary}
          </Box>
          {why.layer && (
            <Box variant="small" color="text-body-secondary" data-testid="deciding-layer">
              Deciding layer: {LAYER_NAMES[why.layer]}
            </Box>
          )}
          {why.details.map((d) => (
            <Box variant="p" key={d} color="text-body-secondary">
              {d}
            </Box>
          ))}
        </div>
        <PolicyStatementsView statements={row.matchedStatements} textOf={props.textOf} />
        {probe.enabled && (
          <SpaceBetween size="s">
            <Header variant="h3">Permissions boundary</Header>
            {probe.boundaryOnly.isLoading && <StatusIndicator type="loading">Reading the boundary</StatusIndicator>}
            {probe.boundaryOnly.error && <StatusIndicator type="error">{probe.boundaryOnly.error.message}</StatusIndicator>}
            {boundaryRow && (
              <>
                <Box variant="p">
                  {boundaryRow.decision === "explicitDeny"
                    ? `A Deny statement in the boundary ${boundary!.name} matches the request.`
                    : `No statement in the boundary ${boundary!.name} allows the request.`}
                </Box>
                {boundaryRow.matchedStatements.length ? (
                  <PolicyStatementsView statements={boundaryRow.matchedStatements} textOf={boundaryText} />
                ) : (
                  <PolicyEditor value={boundary!.text} readOnly height={Math.min(360, boundary!.text.split("\n").length * 19 + 16)} />
                )}
              </>
            )}
            {identityRow && (
              <>
                <Header variant="h3">Identity-based policies</Header>
                <Box variant="p">
                  {identityRow.decision === "allowed"
                    ? "Without the boundary, these statements would allow it:"
                    : "No identity-based policy allows it either."}
                </Box>
                <PolicyStatementsView statements={identityRow.matchedStatements} textOf={props.textOf} />
              </>
            )}
          </SpaceBetween>
        )}
      </SpaceBetween>
    </Container>
  );
}
