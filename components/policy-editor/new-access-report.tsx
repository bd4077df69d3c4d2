"use client";

import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Checkbox from "@cloudscape-design/components/checkbox";
import FormField from "@cloudscape-design/components/form-field";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import { useDeferredValue, useEffect, useMemo, useRef } from "react";
import { checkNoNewAccess, type NewAccessWitness } from "@/lib/policy/new-access";
import type { NewAccessPanelProps } from "./new-access-panel";

const conditionText = (w: NewAccessWitness) => {
  const keys = Object.entries(w.request.context);
  if (!keys.length) return "No condition keys";
  return keys.map(([k, v]) => `${k} = ${Array.isArray(v) ? `[${v.join(", ")}]` : v}`).join(", ");
};

/**
 * What the change newly allows, as Access Analyzer's CheckNoNewAccess reports it but offline: example requests the new
 * document allows and the existing one does not (both evaluated), and a checkbox to confirm before saving.
 */
export function NewAccessReport(props: NewAccessPanelProps) {
  const { existing, kind, account, roleArn } = props;
  const document = useDeferredValue(props.document);
  const result = useMemo(
    () => (existing === document ? undefined : checkNoNewAccess(existing, document, kind, { account, roleArn })),
    [existing, document, kind, account, roleArn],
  );
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.blocked) ref.current?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, [props.blocked]);
  if (!result) return null;
  if (result.result === "PASS") {
    return (
      <div data-testid="new-access-pass">
        <Alert type="info" header="No new access">
          This change allows nothing that {props.existingLabel} does not.
        </Alert>
      </div>
    );
  }
  const trust = kind === "trust" || kind === "rcp";
  return (
    <div ref={ref} data-testid="new-access-warning">
      <Alert type="warning" header="This change grants new access">
        <SpaceBetween size="s">
          <Box variant="p">
            Compared with {props.existingLabel}, these requests become allowed{trust ? ", including for new principals" : ""}. Each example
            was evaluated against both documents.
          </Box>
          <Table
            variant="embedded"
            wrapLines
            items={result.witnesses}
            ariaLabels={{ tableLabel: "New access" }}
            columnDefinitions={[
              { id: "actions", header: "Action(s)", cell: (w) => <span title={w.actions.slice(0, 50).join("\n")}>{w.summary}</span> },
              { id: "resource", header: "Resource", cell: (w) => <Box variant="code">{w.request.resource}</Box> },
              ...(trust ? [{ id: "principal", header: "Principal", cell: (w: NewAccessWitness) => w.principal }] : []),
              {
                id: "request",
                header: "Example request",
                cell: (w) => (
                  <span>
                    <Box variant="code">{w.request.action}</Box> by {w.request.principal.arn}; {conditionText(w)}
                  </span>
                ),
              },
            ]}
          />
          <FormField errorText={props.blocked && !props.confirmed ? "Confirm that you reviewed the new access to save." : undefined}>
            <Checkbox
              checked={props.confirmed}
              onChange={(e) => props.onConfirmedChange(e.detail.checked)}
              data-testid="new-access-confirm"
            >
              I reviewed the new access this change grants and want to save it.
            </Checkbox>
          </FormField>
        </SpaceBetween>
      </Alert>
    </div>
  );
}
