"use client";

import Container from "@cloudscape-design/components/container";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Input from "@cloudscape-design/components/input";
import RadioGroup from "@cloudscape-design/components/radio-group";
import Select from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { SAML_ATTRIBUTES } from "./trust-catalogue";
import type { TrustFieldProps } from "./trusted-entity-step";

/** SAML 2.0 federation: the provider's ARN and console access (SAML:aud = the sign-in endpoint) or an attribute. */
export function SamlEntityForm({ form, onChange, error }: TrustFieldProps) {
  return (
    <Container
      header={
        <Header
          variant="h2"
          description="Allow users federated with SAML 2.0 from a corporate directory to perform actions in this account."
        >
          SAML 2.0 federation
        </Header>
      }
    >
      <SpaceBetween size="l">
        <FormField
          label="SAML 2.0-based provider"
          description="The ARN of the identity provider created in IAM."
          errorText={error("samlProviderArn")}
        >
          <Input
            value={form.samlProviderArn}
            placeholder="arn:aws:iam::123456789012:saml-provider/MyProvider"
            data-testid="saml-provider-arn"
            onChange={(e) => onChange({ samlProviderArn: e.detail.value.trim() })}
          />
        </FormField>
        <RadioGroup
          value={form.samlAccess}
          ariaLabel="Access to be allowed"
          onChange={(e) => onChange({ samlAccess: e.detail.value as "console" | "programmatic" })}
          items={[
            { value: "console", label: "Allow programmatic and AWS Management Console access" },
            { value: "programmatic", label: "Allow programmatic access only" },
          ]}
        />
        {form.samlAccess === "programmatic" && (
          <SpaceBetween direction="horizontal" size="s">
            <FormField label="Attribute">
              <Select
                selectedOption={{ value: form.samlAttribute, label: form.samlAttribute }}
                options={SAML_ATTRIBUTES.map((a) => ({ value: a, label: a }))}
                onChange={(e) => onChange({ samlAttribute: e.detail.selectedOption.value ?? "SAML:aud" })}
              />
            </FormField>
            <FormField label="Value" errorText={error("samlValue")}>
              <Input value={form.samlValue} onChange={(e) => onChange({ samlValue: e.detail.value })} />
            </FormField>
          </SpaceBetween>
        )}
      </SpaceBetween>
    </Container>
  );
}
