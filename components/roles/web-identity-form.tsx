"use client";

import Container from "@cloudscape-design/components/container";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Input from "@cloudscape-design/components/input";
import Select from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useProviders } from "@/lib/queries/identity-providers";
import { WEB_IDENTITY_PROVIDERS, webIdentityProvider } from "./trust-catalogue";
import type { TrustFieldProps } from "./trusted-entity-step";

/** Web identity: the provider (Cognito, Login with Amazon, Facebook, Google or an IAM OIDC provider) and its audience condition. */
export function WebIdentityForm({ form, onChange, error }: TrustFieldProps) {
  const providers = useProviders();
  const provider = webIdentityProvider(form.webProvider);
  // The built-in providers, then the account's IAM OpenID Connect providers, as AWS's console lists them.
  const options = [
    ...WEB_IDENTITY_PROVIDERS,
    ...(providers.data ?? []).filter((p) => p.type === "OpenID Connect").map((p) => webIdentityProvider(p.arn)),
  ];
  return (
    <Container
      header={
        <Header variant="h2" description="Allows users federated by the specified external web identity provider to assume this role.">
          Web identity
        </Header>
      }
    >
      <SpaceBetween size="l">
        <FormField label="Identity provider">
          <Select
            selectedOption={{ value: provider.id, label: provider.label }}
            options={options.map((p) => ({ value: p.id, label: p.label, description: p.principal }))}
            ariaLabel="Identity provider"
            data-testid="web-identity-provider"
            onChange={(e) => onChange({ webProvider: e.detail.selectedOption.value ?? "cognito" })}
          />
        </FormField>
        <FormField label={provider.audienceLabel} description={`Condition: ${provider.audienceKey}`} errorText={error("audience")}>
          <Input
            value={form.audience}
            data-testid="web-identity-audience"
            onChange={(e) => onChange({ audience: e.detail.value.trim() })}
          />
        </FormField>
      </SpaceBetween>
    </Container>
  );
}
