"use client";

import Container from "@cloudscape-design/components/container";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import { PolicyEditor } from "@/components/policy-editor/policy-editor";
import { PolicyStartActions } from "@/components/policy-editor/policy-start-actions";
import type { TrustFieldProps } from "./trusted-entity-step";

/** Custom trust policy: the JSON editor with IAM's trust-policy grammar checked as the user types. */
export function CustomTrustForm({ form, onChange, error }: TrustFieldProps) {
  return (
    <Container
      header={
        <Header
          variant="h2"
          description="Create a custom trust policy to enable others to perform actions in this account."
          actions={<PolicyStartActions kind="trust" indent={4} onLoad={(v) => onChange({ customPolicy: v })} />}
        >
          Custom trust policy
        </Header>
      }
    >
      <FormField stretch errorText={error("customPolicy")}>
        <PolicyEditor value={form.customPolicy} kind="trust" height={360} onChange={(v) => onChange({ customPolicy: v })} />
      </FormField>
    </Container>
  );
}
