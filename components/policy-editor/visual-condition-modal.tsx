"use client";

import Autosuggest from "@cloudscape-design/components/autosuggest";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Checkbox from "@cloudscape-design/components/checkbox";
import FormField from "@cloudscape-design/components/form-field";
import Input from "@cloudscape-design/components/input";
import Modal from "@cloudscape-design/components/modal";
import Select from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useMemo, useState } from "react";
import { conditionKeysFor, expandActions, globalConditionKeys, lookupConditionKey } from "@/lib/policy/catalogue";
import type { ConditionKeyInfo } from "@/lib/policy/catalogue";
import type { VisualCondition } from "@/lib/policy/visual";
import { operatorsFor, QUALIFIERS } from "@/lib/policy/visual/operators";

type Props = { actions: readonly string[]; onAdd: (c: VisualCondition) => void; onDismiss: () => void };

/** The keys the chosen actions support (with the global ones), or only the global ones before any action is chosen. */
function keysFor(actions: readonly string[]): ConditionKeyInfo[] {
  const byName = new Map<string, ConditionKeyInfo>();
  const names = actions.flatMap((a) => expandActions(a)).slice(0, 2000);
  for (const n of names) for (const k of conditionKeysFor(n) ?? []) if (!byName.has(k.name)) byName.set(k.name, k);
  if (!byName.size) for (const k of globalConditionKeys()) byName.set(k.name, k);
  return [...byName.values()];
}

/** "Add condition": key, qualifier, operator (by the key's type), IfExists and a value, as AWS's visual editor asks. */
export function VisualConditionModal({ actions, onAdd, onDismiss }: Props) {
  const keys = useMemo(() => keysFor(actions), [actions]);
  const [key, setKey] = useState("");
  const [qualifier, setQualifier] = useState("");
  const [operator, setOperator] = useState("");
  const [ifExists, setIfExists] = useState(false);
  const [value, setValue] = useState("");
  const type = lookupConditionKey(key)?.type;
  const operators = operatorsFor(type);
  const base = operators.includes(operator) ? operator : operators[0];
  const full = `${qualifier ? `${qualifier}:` : ""}${base}${ifExists && base !== "Null" ? "IfExists" : ""}`;
  const boolean = base === "Bool" || base === "Null";
  const shownValue = boolean && !["true", "false"].includes(value) ? "true" : value;
  const complete = key.trim() && shownValue.trim();

  return (
    <Modal
      visible
      onDismiss={onDismiss}
      header="Add request condition"
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onDismiss}>
              Cancel
            </Button>
            <Button
              variant="primary"
              disabled={!complete}
              onClick={() => onAdd({ operator: full, key: key.trim(), values: [shownValue.trim()] })}
            >
              Add condition
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <SpaceBetween size="m">
        <FormField
          label="Condition key"
          description={type ? `Type: ${type}` : "Choose a key, or type one (fill in a tag key after the slash)."}
        >
          <Autosuggest
            value={key}
            onChange={(e) => setKey(e.detail.value)}
            options={keys.map((k) => ({ value: k.name, description: k.type }))}
            placeholder="Choose a condition key"
            ariaLabel="Condition key"
            filteringType="auto"
            virtualScroll
          />
        </FormField>
        <FormField label="Qualifier" description="For keys with several values in a request.">
          <Select
            selectedOption={QUALIFIERS.find((q) => q.value === qualifier) ?? QUALIFIERS[0]}
            onChange={(e) => setQualifier(e.detail.selectedOption.value ?? "")}
            options={QUALIFIERS}
            ariaLabel="Qualifier"
          />
        </FormField>
        <FormField label="Operator">
          <Select
            selectedOption={{ value: base, label: base }}
            onChange={(e) => setOperator(e.detail.selectedOption.value ?? "")}
            options={operators.map((o) => ({ value: o, label: o }))}
            ariaLabel="Operator"
          />
        </FormField>
        <Checkbox checked={ifExists} disabled={base === "Null"} onChange={(e) => setIfExists(e.detail.checked)}>
          If exists
        </Checkbox>
        <FormField label="Value">
          {boolean ? (
            <Select
              selectedOption={{ value: shownValue, label: shownValue }}
              onChange={(e) => setValue(e.detail.selectedOption.value ?? "true")}
              options={[{ value: "true" }, { value: "false" }]}
              ariaLabel="Value"
            />
          ) : (
            <Input value={value} onChange={(e) => setValue(e.detail.value)} ariaLabel="Value" placeholder="Enter a value" />
          )}
        </FormField>
        <Box variant="code">{full}</Box>
      </SpaceBetween>
    </Modal>
  );
}
