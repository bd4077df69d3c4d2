"use client";

import Container from "@cloudscape-design/components/container";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import SegmentedControl from "@cloudscape-design/components/segmented-control";
import SpaceBetween from "@cloudscape-design/components/space-between";
import type { PolicySource } from "@/lib/queries/simulator";
import { CustomPolicies } from "./custom-policies";
import { PolicySourcesTable } from "./policy-sources-table";
import { PrincipalSelect, type ChosenPrincipal } from "./principal-select";
import type { FieldErrors, SourceKind } from "./simulation-form";

const LABELS: Record<Exclude<SourceKind, "custom">, string> = { user: "User", group: "User group", role: "Role" };

type Props = {
  kind: SourceKind;
  onKind: (kind: SourceKind) => void;
  principal?: ChosenPrincipal;
  onPrincipal: (p: ChosenPrincipal) => void;
  sources: { data?: PolicySource[]; isLoading: boolean; error: Error | null };
  policies: string[];
  onPolicies: (policies: string[]) => void;
  errors: FieldErrors;
};

/** Whose policies to simulate: a user (with its groups' policies), a group, a role, or policies typed here. */
export function SourceSection(props: Props) {
  const { kind, errors } = props;
  return (
    <Container
      header={
        <Header
          variant="h2"
          description="AWS evaluates the identity-based policies of the principal you choose, or the policies you enter."
        >
          Policies to simulate
        </Header>
      }
    >
      <SpaceBetween size="l">
        <SegmentedControl
          data-testid="simulator-source"
          label="Simulate"
          selectedId={kind}
          onChange={(e) => props.onKind(e.detail.selectedId as SourceKind)}
          options={[
            { id: "user", text: "Users" },
            { id: "group", text: "User groups" },
            { id: "role", text: "Roles" },
            { id: "custom", text: "Custom policies" },
          ]}
        />
        {kind === "custom" ? (
          <CustomPolicies
            policies={props.policies}
            onChange={props.onPolicies}
            errorOf={(i) => errors[`source.policies.${i}`] ?? (i === 0 ? errors["source.policies"] : undefined)}
          />
        ) : (
          <SpaceBetween size="m">
            <FormField label={LABELS[kind]} errorText={errors["source.arn"]}>
              <PrincipalSelect kind={kind} value={props.principal} onChange={props.onPrincipal} invalid={!!errors["source.arn"]} />
            </FormField>
            {props.principal?.kind === kind && (
              <PolicySourcesTable
                sources={props.sources.data ?? []}
                loading={props.sources.isLoading}
                error={props.sources.error?.message}
              />
            )}
          </SpaceBetween>
        )}
      </SpaceBetween>
    </Container>
  );
}
