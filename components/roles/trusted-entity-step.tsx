"use client";

import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Tiles from "@cloudscape-design/components/tiles";
import { AccountEntityForm } from "./account-entity-form";
import { CustomTrustForm } from "./custom-trust-form";
import { SamlEntityForm } from "./saml-entity-form";
import { ServiceEntityForm } from "./service-entity-form";
import { TrustPolicyView } from "./trust-policy-view";
import { WebIdentityForm } from "./web-identity-form";
import type { TrustForm, TrustedEntityType } from "./trust-form";

export type TrustFieldProps = {
  form: TrustForm;
  onChange: (patch: Partial<TrustForm>) => void;
  /** The message for a field, once typed in or after a Next attempt. */
  error: (field: keyof TrustForm) => string | undefined;
};

const TILES: { value: TrustedEntityType; label: string; description: string }[] = [
  {
    value: "service",
    label: "AWS service",
    description: "Allow AWS services like EC2, Lambda, or others to perform actions in this account.",
  },
  {
    value: "account",
    label: "AWS account",
    description: "Allow entities in other AWS accounts belonging to you or a 3rd party to perform actions in this account.",
  },
  {
    value: "web-identity",
    label: "Web identity",
    description:
      "Allows users federated by the specified external web identity provider to assume this role to perform actions in this account.",
  },
  {
    value: "saml",
    label: "SAML 2.0 federation",
    description: "Allow users federated with SAML 2.0 from a corporate directory to perform actions in this account.",
  },
  {
    value: "custom",
    label: "Custom trust policy",
    description: "Create a custom trust policy to enable others to perform actions in this account.",
  },
];

/** Step 1, "Select trusted entity": the entity type tiles, that type's options, and the trust policy they generate. */
export function TrustedEntityStep(props: TrustFieldProps & { thisAccountId: string; trustPolicy: string }) {
  const { form, onChange } = props;
  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2">Trusted entity type</Header>}>
        <Tiles
          value={form.type}
          items={TILES}
          columns={3}
          ariaLabel="Trusted entity type"
          onChange={(e) => onChange({ type: e.detail.value as TrustedEntityType })}
        />
      </Container>
      {form.type === "service" && <ServiceEntityForm {...props} />}
      {form.type === "account" && <AccountEntityForm {...props} />}
      {form.type === "web-identity" && <WebIdentityForm {...props} />}
      {form.type === "saml" && <SamlEntityForm {...props} />}
      {form.type === "custom" && <CustomTrustForm {...props} />}
      {form.type !== "custom" && (
        <Container
          header={
            <Header variant="h2" description="The trust policy IAM creates for the role from your choices.">
              Trust policy preview
            </Header>
          }
        >
          <TrustPolicyView document={props.trustPolicy} />
        </Container>
      )}
    </SpaceBetween>
  );
}
