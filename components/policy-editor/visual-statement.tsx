"use client";

import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import ExpandableSection from "@cloudscape-design/components/expandable-section";
import FormField from "@cloudscape-design/components/form-field";
import RadioGroup from "@cloudscape-design/components/radio-group";
import Select from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useState } from "react";
import { lookupService, services } from "@/lib/policy/catalogue";
import { blockService } from "@/lib/policy/visual";
import type { VisualStatement } from "@/lib/policy/visual";
import { VisualActions } from "./visual-actions";
import { VisualConditions } from "./visual-conditions";
import { VisualResources } from "./visual-resources";

type Props = { index: number; statement: VisualStatement; onChange: (next: VisualStatement) => void; onRemove: () => void };

let sorted: { value: string; label: string; description: string; tags: string[] }[] | undefined;

// Every service by name, with its prefix and action count, built once.
const serviceOptions = () =>
  (sorted ??= [...services()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((s) => ({ value: s.prefix, label: s.name, description: s.prefix, tags: [`${s.actionCount} actions`] })));

function summary(s: VisualStatement) {
  const n = s.actions.length;
  const all = n === 1 && (s.actions[0] === "*" || s.actions[0].endsWith(":*"));
  if (s.notAction) return `${s.effect} all actions except ${n}`;
  return `${s.effect} ${all ? "all actions" : `${n} action${n === 1 ? "" : "s"}`}`;
}

/** One statement (or one service's share of it) as an expandable block: effect, service, actions, resources, conditions. */
export function VisualStatementBlock({ index, statement, onChange, onRemove }: Props) {
  const service = blockService(statement);
  // A service chosen before any action lives here until an action is ticked: the document has no place for it.
  const [chosen, setChosen] = useState<string>();
  const options = serviceOptions();
  const prefix = service.kind === "service" ? service.prefix : service.kind === "none" ? chosen : undefined;
  const info = prefix ? lookupService(prefix) : undefined;
  const title =
    service.kind === "all"
      ? "All services"
      : service.kind === "multiple"
        ? "Multiple services"
        : (info?.name ?? prefix ?? "Choose a service");

  return (
    <ExpandableSection
      variant="container"
      defaultExpanded
      headerText={`Statement ${index + 1} — ${title}`}
      headerDescription={`${summary(statement)}${statement.sid ? ` · Sid ${statement.sid}` : ""}`}
      headerActions={
        <Button onClick={onRemove} ariaLabel={`Remove statement ${index + 1}`}>
          Remove
        </Button>
      }
    >
      <div data-testid={`visual-statement-${index}`}>
        <SpaceBetween size="l">
          <FormField label="Effect">
            <RadioGroup
              value={statement.effect}
              onChange={(e) => onChange({ ...statement, effect: e.detail.value as VisualStatement["effect"] })}
              items={[
                { value: "Allow", label: "Allow" },
                { value: "Deny", label: "Deny" },
              ]}
            />
          </FormField>
          {service.kind === "multiple" || service.kind === "all" ? (
            <Alert type="info" header={service.kind === "all" ? "All services (*)" : "Several services or wildcard service names"}>
              <Box variant="code">{statement.actions.join(", ")}</Box>
              <Box>Edit these actions in the JSON editor; resources and conditions can be edited here.</Box>
            </Alert>
          ) : (
            <FormField label="Service" description="Choose a service to list its actions.">
              <Select
                selectedOption={info ? { value: info.prefix, label: info.name } : null}
                onChange={(e) => {
                  setChosen(e.detail.selectedOption.value);
                  if (e.detail.selectedOption.value !== prefix) onChange({ ...statement, actions: [], notAction: false });
                }}
                options={options}
                filteringType="auto"
                placeholder="Choose a service"
                ariaLabel={`Service for statement ${index + 1}`}
                virtualScroll
              />
            </FormField>
          )}
          {prefix && (service.kind === "service" || service.kind === "none") && (
            <VisualActions prefix={prefix} statement={statement} onChange={onChange} />
          )}
          <VisualResources statement={statement} onChange={onChange} />
          <VisualConditions statement={statement} onChange={onChange} />
        </SpaceBetween>
      </div>
    </ExpandableSection>
  );
}
