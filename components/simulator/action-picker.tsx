"use client";

import Autosuggest from "@cloudscape-design/components/autosuggest";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import ColumnLayout from "@cloudscape-design/components/column-layout";
import FormField from "@cloudscape-design/components/form-field";
import Multiselect, { type MultiselectProps } from "@cloudscape-design/components/multiselect";
import Select from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import TokenGroup from "@cloudscape-design/components/token-group";
import { useMemo, useState } from "react";
import { useCatalogueActions, useCatalogueServices } from "@/lib/queries/catalogue";

const LEVELS = ["List", "Read", "Write", "Permissions management", "Tagging"];
const ACTION = /^[a-zA-Z0-9-]+:[a-zA-Z0-9_*?-]+$/;

type Props = {
  value: string[];
  onChange: (actions: string[]) => void;
  /** How many actions each pattern became in the last run ("iam:Get*" → 45). */
  expanded?: Record<string, number>;
  errorText?: string;
};

/** Actions from the catalogue: a service, then its actions grouped by access level; or typed, with completion and wildcards. */
export function ActionPicker({ value, onChange, expanded, errorText }: Props) {
  const services = useCatalogueServices();
  const [service, setService] = useState<string>();
  const actions = useCatalogueActions(service);
  const [typed, setTyped] = useState("");
  const [typedError, setTypedError] = useState<string>();
  const typedService = typed.includes(":") ? typed.slice(0, typed.indexOf(":")) : undefined;
  const typedActions = useCatalogueActions(services.data?.some((s) => s.prefix === typedService?.toLowerCase()) ? typedService : undefined);

  const serviceOptions = useMemo(
    () => (services.data ?? []).map((s) => ({ value: s.prefix, label: s.name, description: `${s.prefix} · ${s.actionCount} actions` })),
    [services.data],
  );
  const actionGroups: MultiselectProps.OptionGroup[] = useMemo(
    () =>
      LEVELS.map((level) => ({
        label: level,
        options: (actions.data ?? []).filter((a) => a.accessLevel === level).map((a) => ({ value: a.action, label: a.name })),
      })).filter((g) => g.options.length),
    [actions.data],
  );
  const ofService = (a: string) => service !== undefined && a.toLowerCase().startsWith(`${service}:`) && !/[*?]/.test(a);
  const selected = actionGroups.flatMap((g) => g.options).filter((o) => value.includes(o.value!));

  const suggestions = typed.includes(":")
    ? (typedActions.data ?? []).map((a) => ({ value: a.action, description: a.accessLevel }))
    : (services.data ?? []).map((s) => ({ value: `${s.prefix}:`, description: s.name }));

  const add = (text: string) => {
    const action = text.trim();
    if (!ACTION.test(action))
      return setTypedError("Enter an action as service:Action, such as iam:CreateUser, or a pattern such as iam:Get*.");
    setTypedError(undefined);
    setTyped("");
    if (!value.includes(action)) onChange([...value, action]);
  };

  return (
    <SpaceBetween size="m">
      <ColumnLayout columns={2}>
        <FormField label="Service">
          <Select
            data-testid="simulator-service"
            selectedOption={serviceOptions.find((o) => o.value === service) ?? null}
            options={serviceOptions}
            filteringType="auto"
            placeholder="Choose a service"
            filteringPlaceholder="Find service"
            statusType={services.isLoading ? "loading" : "finished"}
            onChange={(e) => setService(e.detail.selectedOption.value)}
          />
        </FormField>
        <FormField label="Actions">
          <Multiselect
            data-testid="simulator-actions"
            disabled={!service}
            selectedOptions={selected}
            options={actionGroups}
            filteringType="auto"
            enableSelectAll
            hideTokens
            placeholder={service ? `Choose ${service} actions` : "Choose a service first"}
            filteringPlaceholder="Find actions"
            statusType={actions.isLoading ? "loading" : "finished"}
            onChange={(e) => onChange([...value.filter((a) => !ofService(a)), ...e.detail.selectedOptions.map((o) => o.value!)])}
          />
        </FormField>
      </ColumnLayout>
      <FormField
        label="Add an action or a pattern"
        description="Type service:Action. Wildcards (iam:Get*, s3:*Object) add every matching action of the catalogue."
        errorText={typedError}
      >
        <div style={{ display: "flex", gap: 8 }}>
          <div style={{ flex: 1 }} data-testid="simulator-action-input">
            <Autosuggest
              value={typed}
              options={suggestions}
              filteringType="auto"
              placeholder="iam:CreateUser"
              enteredTextLabel={(v) => `Use: "${v}"`}
              ariaLabel="Action or pattern"
              onChange={(e) => setTyped(e.detail.value)}
              onSelect={(e) => (e.detail.value.endsWith(":") ? setTyped(e.detail.value) : add(e.detail.value))}
              onKeyDown={(e) => {
                if (e.detail.key === "Enter" && typed && !typed.endsWith(":")) add(typed);
              }}
            />
          </div>
          <Button onClick={() => add(typed)} data-testid="simulator-add-action">
            Add
          </Button>
        </div>
      </FormField>
      <FormField label={`Selected actions (${value.length})`} errorText={errorText}>
        {value.length ? (
          <TokenGroup
            data-testid="simulator-selected-actions"
            limit={12}
            items={value.map((a) => ({
              label: a,
              description: expanded?.[a] !== undefined ? `${expanded[a]} actions` : undefined,
              dismissLabel: `Remove ${a}`,
            }))}
            onDismiss={(e) => onChange(value.filter((_, i) => i !== e.detail.itemIndex))}
          />
        ) : (
          <Box color="text-status-inactive">No actions selected.</Box>
        )}
      </FormField>
    </SpaceBetween>
  );
}
