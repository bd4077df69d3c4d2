"use client";

import Alert from "@cloudscape-design/components/alert";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import ContentLayout from "@cloudscape-design/components/content-layout";
import ExpandableSection from "@cloudscape-design/components/expandable-section";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Textarea from "@cloudscape-design/components/textarea";
import { useState } from "react";
import { useBreadcrumbs } from "@/components/shell/shell-context";
import { ApiError } from "@/lib/queries/api";
import { useContextKeys, usePolicySources, useSimulation, type Simulation } from "@/lib/queries/simulator";
import type { SimulationInput } from "@/lib/schemas/simulator";
import { ActionPicker } from "./action-picker";
import { BOUNDARY_TEMPLATE, BoundarySection } from "./boundary-section";
import { ContextEntries, type ContextRow } from "./context-entries";
import { EMPTY_POLICY } from "./custom-policies";
import type { PolicyText } from "./policy-statements-view";
import type { ChosenPrincipal } from "./principal-select";
import { ResultDetail } from "./result-detail";
import { ResultsTable } from "./results-table";
import { contextErrorOf, errorUnder, simulationInput, validateDraft, type FieldErrors, type SourceKind } from "./simulation-form";
import { SourceSection } from "./source-section";

type Run = { input: SimulationInput; result: Simulation };

/** The IAM policy simulator: a principal's policies (or typed ones), actions, resources and context → AWS's decisions, explained. */
export function PolicySimulator() {
  useBreadcrumbs([{ text: "Policy simulator" }]);
  const [kind, setKind] = useState<SourceKind>("user");
  const [principal, setPrincipal] = useState<ChosenPrincipal>();
  const [policies, setPolicies] = useState([EMPTY_POLICY]);
  const [boundaryOn, setBoundaryOn] = useState(false);
  const [boundary, setBoundary] = useState(BOUNDARY_TEMPLATE);
  const [actions, setActions] = useState<string[]>([]);
  const [resources, setResources] = useState("*");
  const [context, setContext] = useState<ContextRow[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ApiError>();
  const [run, setRun] = useState<Run>();
  const [selectedId, setSelectedId] = useState<string>();
  const simulation = useSimulation();
  const contextKeys = useContextKeys();
  const sources = usePolicySources(kind !== "custom" && principal?.kind === kind ? principal.arn : undefined);
  const ownBoundary = sources.data?.find((s) => s.layer === "boundary");
  const runSources = usePolicySources(run?.input.source.kind === "principal" ? run.input.source.arn : undefined);
  const runBoundary = runSources.data?.find((s) => s.layer === "boundary");

  const draft = {
    kind,
    principalArn: principal?.kind === kind ? principal.arn : undefined,
    policies,
    boundary: boundaryOn ? boundary : undefined,
    actions,
    resources,
    context,
  };

  /** A field's errors go when it changes (they were about what it held). */
  const edit =
    <T,>(path: string, set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== path && !k.startsWith(`${path}.`))));
    };

  const fail = (err: Error) => {
    const e = err instanceof ApiError ? err : new ApiError("Error", err.message, 500);
    setErrors(e.fieldErrors ?? {});
    setFailure(e.fieldErrors ? undefined : e);
  };

  /** A SourcePolicyId of the last run: PolicyInputList.N (custom), or one of the principal's policies. */
  const textOf = (id: string): PolicyText | undefined => {
    const source = run?.input.source;
    if (source?.kind === "custom") {
      const n = /^PolicyInputList\.(\d+)$/.exec(id)?.[1];
      const text = n ? source.policies[Number(n) - 1] : undefined;
      return text === undefined ? undefined : { id, label: `Policy ${n}`, text };
    }
    const s = runSources.data?.find((p) => p.sourcePolicyId === id && p.layer === "identity");
    const via = s?.attachedTo.type === "group" ? `through group ${s.attachedTo.name}` : "attached directly";
    return s && { id, label: s.policyName, description: `${s.type} · ${via}`, text: s.document };
  };

  const submit = () => {
    const found = validateDraft(draft);
    setErrors(found);
    setFailure(undefined);
    if (Object.keys(found).length) return;
    const input = simulationInput(draft);
    simulation.mutate(input, {
      onSuccess: (result) => {
        setRun({ input, result });
        setSelectedId(undefined);
      },
      onError: fail,
    });
  };

  const loadContextKeys = () => {
    const input = simulationInput(draft);
    contextKeys.mutate(
      { source: input.source, ...(input.boundary ? { boundary: input.boundary } : {}) },
      {
        onSuccess: (keys) => {
          const known = new Set(context.map((r) => r.key.toLowerCase()));
          setContext([
            ...context,
            ...keys.filter((k) => !known.has(k.name.toLowerCase())).map((k) => ({ key: k.name, type: k.type, value: "" })),
          ]);
        },
        onError: fail,
      },
    );
  };

  const actionError = errorUnder(errors, "actions");
  const resourceError = errorUnder(errors, "resources");
  const expanded = Object.fromEntries((run?.result.expanded ?? []).map((e) => [e.pattern, e.count]));
  const selected = run?.result.rows.find((r) => r.id === selectedId);
  const usedBoundary = run?.input.boundary
    ? { name: "Simulated boundary", text: run.input.boundary }
    : runBoundary && { name: runBoundary.policyName, text: runBoundary.document };

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description="Test whether policies allow or deny actions on resources. The decisions come from IAM's SimulatePrincipalPolicy and SimulateCustomPolicy."
        >
          Policy simulator
        </Header>
      }
    >
      <SpaceBetween size="l">
        <SourceSection
          kind={kind}
          onKind={setKind}
          principal={principal}
          onPrincipal={edit("source.arn", setPrincipal)}
          sources={sources}
          policies={policies}
          onPolicies={edit("source.policies", setPolicies)}
          errors={errors}
        />
        <BoundarySection
          enabled={boundaryOn}
          onEnabled={setBoundaryOn}
          text={boundary}
          onText={edit("boundary", setBoundary)}
          current={kind !== "custom" ? ownBoundary?.policyName : undefined}
          errorText={errors.boundary}
        />
        <Container header={<Header variant="h2">Actions</Header>}>
          <ActionPicker
            value={actions}
            onChange={edit("actions", setActions)}
            expanded={expanded}
            errorText={
              actionError &&
              (actionError.index !== undefined && !actionError.message.includes(actions[actionError.index])
                ? `${actions[actionError.index]}: ${actionError.message}`
                : actionError.message)
            }
          />
        </Container>
        <Container header={<Header variant="h2">Resources</Header>}>
          <FormField
            label="Resource ARNs"
            description='One ARN per line; "*" simulates every resource. Wildcards in ARNs are allowed.'
            errorText={
              resourceError &&
              (resourceError.index !== undefined ? `Line ${resourceError.index + 1}: ${resourceError.message}` : resourceError.message)
            }
            stretch
          >
            <Textarea
              value={resources}
              onChange={(e) => edit("resources", setResources)(e.detail.value)}
              rows={3}
              ariaLabel="Resource ARNs"
              data-testid="simulator-resources"
            />
          </FormField>
        </Container>
        <ExpandableSection
          variant="container"
          headerText="Context keys - optional"
          headerDescription="Values for the condition keys the policies test (aws:SourceIp, aws:MultiFactorAuthPresent...)."
          defaultExpanded
        >
          <SpaceBetween size="m">
            <Button onClick={loadContextKeys} loading={contextKeys.isPending} data-testid="get-context-keys">
              Get context keys
            </Button>
            <ContextEntries rows={context} onChange={edit("context", setContext)} errorOf={contextErrorOf(errors, context)} />
            {errors.context && <Alert type="error">{errors.context}</Alert>}
          </SpaceBetween>
        </ExpandableSection>
        <SpaceBetween size="s">
          <Button variant="primary" onClick={submit} loading={simulation.isPending} data-testid="run-simulation">
            Run simulation
          </Button>
          {failure && (
            <Alert type="error" header={failure.code} data-testid="simulation-error">
              {failure.message}
            </Alert>
          )}
        </SpaceBetween>
        <ResultsTable
          rows={run?.result.rows ?? []}
          selected={selected}
          onSelect={(r) => setSelectedId(r.id)}
          loading={simulation.isPending}
        />
        {selected && run && <ResultDetail key={selected.id} row={selected} input={run.input} textOf={textOf} boundary={usedBoundary} />}
      </SpaceBetween>
    </ContentLayout>
  );
}
