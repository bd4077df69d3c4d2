"use client";

import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Checkbox from "@cloudscape-design/components/checkbox";
import FormField from "@cloudscape-design/components/form-field";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import { useDeferredValue, useEffect, useMemo, useRef } from "react";
import { checkAccessNotGranted, checkNoNewAccess, type NewAccessWitness } from "@/lib/policy/new-access";
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
  const { checks } = props;
  const failing = useMemo(
    () =>
      existing === document
        ? []
        : checks.flatMap((c) => {
            const r = checkAccessNotGranted(document, kind, c, { account, roleArn });
            return r.result === "FAIL" ? [{ name: c.name, witness: r.witnesses[0] }] : [];
          }),
    [existing, document, kind, account, roleArn, checks],
  );
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.blocked) ref.current?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, [props.blocked]);
  if (!result) return null;
  const guardrails = failing.length > 0 && (
    <div data-testid="access-check-failures">
      <Alert type="error" header="This change fails an access check">
        <SpaceBetween size="xxs">
          {failing.map(({ name, witness }) => (
            <Box key={name}>
              &ldquo;{name}&rdquo; says this must never be granted, and the policy allows <Box variant="code">{witness.request.action}</Box>{" "}
              on <Box variant="code">{witness.request.resource}</Box>
              {witness.principal ? ` by ${witness.principal}` : ""}. Saving is refused while it does.
            </Box>
          ))}
        </SpaceBetween>
      </Alert>
    </div>
  );
  if (result.result === "PASS") {
    return (
      <SpaceBetween size="m">
        {guardrails}
        <div data-testid="new-access-pass">
          <Alert type="info" header="No new access">
            This change allows nothing that {props.existingLabel} does not.
          </Alert>
        </div>
      </SpaceBetween>
    );
  }
  const trust = kind === "trust" || kind === "rcp";
  return (
    <SpaceBetween size="m">
      {guardrails}
      <div ref={ref} data-testid="new-access-warning">
        <Alert type="warning" header="This change grants new access">
          <SpaceBetween size="s">
            <Box variant="p">
              Compared with {props.existingLabel}, these requests become allowed{trust ? ", including for new principals" : ""}. Each
              example was evaluated against both documents.
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
                      <Box variant="code">{w.request.action}</Box>
                      {trust ? "" : ` by ${w.request.principal.arn}`}; {conditionText(w)}
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
    </SpaceBetween>
  );
}
