"use client";

import FormField from "@cloudscape-design/components/form-field";
import Input from "@cloudscape-design/components/input";
import Modal from "@cloudscape-design/components/modal";
import RadioGroup from "@cloudscape-design/components/radio-group";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useState } from "react";
import { ModalFooter } from "@/components/common/modal-footer";
import { renderTemplate, templateErrors, templatesFor } from "@/lib/policy/templates";
import type { PolicyKind } from "@/lib/policy/types";

type Props = { kind: PolicyKind; indent?: string | number; onUse: (document: string) => void; onDismiss: () => void };

/** Choose a template and fill in its values (each checked as AWS would); its document replaces the editor's. */
export function PolicyTemplateModal({ kind, indent, onUse, onDismiss }: Props) {
  const templates = templatesFor(kind);
  const [id, setId] = useState(templates[0]?.id);
  const [values, setValues] = useState<Record<string, string>>({});
  const [submitted, setSubmitted] = useState(false);
  const template = templates.find((t) => t.id === id);
  const errors = template ? templateErrors(template, values) : {};

  const use = () => {
    setSubmitted(true);
    if (!template || Object.keys(errors).length) return;
    onUse(renderTemplate(template, values, indent));
  };

  return (
    <Modal
      visible
      onDismiss={onDismiss}
      header="Start from a template"
      footer={
        <ModalFooter onCancel={onDismiss} onConfirm={use} testId="use-template">
          Use template
        </ModalFooter>
      }
    >
      <SpaceBetween size="l">
        <FormField label="Template" description="The template replaces the policy in the editor.">
          <RadioGroup
            value={id ?? null}
            onChange={(e) => (setId(e.detail.value), setSubmitted(false))}
            items={templates.map((t) => ({ value: t.id, label: t.name, description: t.description }))}
            ariaLabel="Template"
          />
        </FormField>
        {template?.fields.map((f) => (
          <FormField key={f.id} label={f.label} description={f.description} errorText={submitted ? errors[f.id] : undefined}>
            <Input
              value={values[f.id] ?? ""}
              placeholder={f.placeholder}
              onChange={(e) => setValues({ ...values, [f.id]: e.detail.value })}
              ariaLabel={f.label}
              data-testid={`template-${f.id}`}
            />
          </FormField>
        ))}
      </SpaceBetween>
    </Modal>
  );
}
