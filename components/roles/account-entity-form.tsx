"use client";

import Checkbox from "@cloudscape-design/components/checkbox";
import Container from "@cloudscape-design/components/container";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Input from "@cloudscape-design/components/input";
import RadioGroup from "@cloudscape-design/components/radio-group";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { accountIdSchema } from "@/lib/schemas/roles";
import { buildTrustPolicy } from "./trust-form";
import type { TrustFieldProps } from "./trusted-entity-step";
import { TrustSummary } from "./trust-summary";

/**
 * AWS account: this account or another (12 digits, checked as typed), with optional external ID and MFA conditions,
 * and in words who could then assume the role.
 */
export function AccountEntityForm({ form, onChange, error, thisAccountId }: TrustFieldProps & { thisAccountId: string }) {
  const accountChosen = form.account === "this" || accountIdSchema.safeParse(form.accountId).success;
  return (
    <Container
      header={
        <Header
          variant="h2"
          description="Allow entities in other AWS accounts belonging to you or a 3rd party to perform actions in this account."
        >
          An AWS account
        </Header>
      }
    >
      <SpaceBetween size="l">
        <RadioGroup
          value={form.account}
          ariaLabel="An AWS account"
          onChange={(e) => onChange({ account: e.detail.value as "this" | "other" })}
          items={[
            { value: "this", label: `This account (${thisAccountId})` },
            { value: "other", label: "Another AWS account" },
          ]}
        />
        {form.account === "other" && (
          <FormField label="Account ID" description="Identifier of the account that can use this role." errorText={error("accountId")}>
            <Input
              value={form.accountId}
              placeholder="123456789012"
              inputMode="numeric"
              data-testid="trusted-account-id"
              onChange={(e) => onChange({ accountId: e.detail.value.trim() })}
            />
          </FormField>
        )}
        <FormField label="Options">
          <SpaceBetween size="s">
            <Checkbox
              checked={form.requireExternalId}
              onChange={(e) => onChange({ requireExternalId: e.detail.checked })}
              description="Best practice when a third party will assume this role."
            >
              Require external ID
            </Checkbox>
            {form.requireExternalId && (
              <FormField
                label="External ID"
                description="The third party provides it; it must be passed when the role is assumed (sts:ExternalId)."
                errorText={error("externalId")}
              >
                <Input value={form.externalId} data-testid="external-id" onChange={(e) => onChange({ externalId: e.detail.value })} />
              </FormField>
            )}
            <Checkbox
              checked={form.requireMfa}
              onChange={(e) => onChange({ requireMfa: e.detail.checked })}
              description="Requires that the assuming entity signed in with multi-factor authentication (aws:MultiFactorAuthPresent)."
            >
              Require MFA
            </Checkbox>
          </SpaceBetween>
        </FormField>
        {accountChosen && <TrustSummary document={buildTrustPolicy(form, thisAccountId)} accountId={thisAccountId} />}
      </SpaceBetween>
    </Container>
  );
}
