"use client";

import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Checkbox from "@cloudscape-design/components/checkbox";
import ColumnLayout from "@cloudscape-design/components/column-layout";
import FormField from "@cloudscape-design/components/form-field";
import Input from "@cloudscape-design/components/input";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useState } from "react";
import type { ActionResourceType } from "@/lib/policy/catalogue";
import { arnParts, fillArn } from "@/lib/policy/visual/arn-template";

type Props = { type: ActionResourceType; onAdd: (arn: string) => void; onDismiss: () => void };

/** "Specify ARNs": one field per part of the resource type's ARN, each with "Any", and the ARN they make. */
export function VisualArnModal({ type, onAdd, onDismiss }: Props) {
  const parts = arnParts(type.arnPattern);
  const [values, setValues] = useState<Record<string, string>>({});
  const [any, setAny] = useState<Record<string, boolean>>({});
  const filled = Object.fromEntries(parts.map((p) => [p.name, any[p.name] ? "*" : values[p.name]?.trim()]));
  const arn = fillArn(type.arnPattern, filled);
  const complete = parts.every((p) => any[p.name] || values[p.name]?.trim());

  return (
    <Modal
      visible
      onDismiss={onDismiss}
      header={`Specify ARNs for ${type.name}`}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onDismiss}>
              Cancel
            </Button>
            <Button variant="primary" disabled={!complete} onClick={() => onAdd(arn)}>
              Add ARNs
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <SpaceBetween size="m">
        {parts.map((p) => (
          <ColumnLayout key={p.name} columns={2}>
            <FormField label={`Resource ${p.label.toLowerCase()}`}>
              <Input
                value={any[p.name] ? "*" : (values[p.name] ?? "")}
                disabled={any[p.name]}
                onChange={(e) => setValues({ ...values, [p.name]: e.detail.value })}
                placeholder={`Enter a ${p.label.toLowerCase()}`}
              />
            </FormField>
            <FormField label={"\u00a0"}>
              <Checkbox checked={!!any[p.name]} onChange={(e) => setAny({ ...any, [p.name]: e.detail.checked })}>
                Any {p.label.toLowerCase()}
              </Checkbox>
            </FormField>
          </ColumnLayout>
        ))}
        <FormField label="Resource ARN">
          <Box variant="code">{arn}</Box>
        </FormField>
      </SpaceBetween>
    </Modal>
  );
}
