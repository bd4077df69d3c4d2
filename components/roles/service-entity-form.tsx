"use client";

import Container from "@cloudscape-design/components/container";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import RadioGroup from "@cloudscape-design/components/radio-group";
import Select from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { TRUSTED_SERVICES } from "./trust-catalogue";
import type { TrustFieldProps } from "./trusted-entity-step";

/** AWS service: the service, then its use case (which fixes the service principal). */
export function ServiceEntityForm({ form, onChange, error }: TrustFieldProps) {
  const service = TRUSTED_SERVICES.find((s) => s.id === form.service);
  return (
    <Container
      header={
        <Header variant="h2" description="Allow an AWS service like EC2, Lambda, or others to perform actions in this account.">
          Use case
        </Header>
      }
    >
      <SpaceBetween size="l">
        <FormField label="Service or use case">
          <Select
            selectedOption={service ? { value: service.id, label: service.label } : null}
            options={TRUSTED_SERVICES.map((s) => ({ value: s.id, label: s.label }))}
            filteringType="auto"
            placeholder="Choose a service"
            ariaLabel="Service or use case"
            data-testid="trusted-service"
            onChange={(e) => {
              const next = TRUSTED_SERVICES.find((s) => s.id === e.detail.selectedOption.value);
              onChange({ service: next?.id ?? "", useCase: next?.useCases[0]?.id ?? "" });
            }}
          />
        </FormField>
        {service && (
          <FormField label="Choose a use case for the specified service." errorText={error("useCase")}>
            <RadioGroup
              value={form.useCase}
              items={service.useCases.map((u) => ({ value: u.id, label: u.label, description: u.description }))}
              onChange={(e) => onChange({ useCase: e.detail.value })}
              ariaLabel="Use case"
            />
          </FormField>
        )}
      </SpaceBetween>
    </Container>
  );
}
