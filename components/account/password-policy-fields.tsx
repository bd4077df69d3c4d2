"use client";

import Checkbox from "@cloudscape-design/components/checkbox";
import Container from "@cloudscape-design/components/container";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Input from "@cloudscape-design/components/input";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { SYMBOLS } from "./policy-rules";

export type PolicyValues = {
  minimumPasswordLength: string;
  requireUppercaseCharacters: boolean;
  requireLowercaseCharacters: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
  expirePasswords: boolean;
  maxPasswordAge: string;
  hardExpiry: boolean;
  allowUsersToChangePassword: boolean;
  preventPasswordReuse: boolean;
  passwordReusePrevention: string;
};

type BoolKey = { [K in keyof PolicyValues]: PolicyValues[K] extends boolean ? K : never }[keyof PolicyValues];

const STRENGTH: { key: BoolKey; label: string }[] = [
  { key: "requireUppercaseCharacters", label: "Require at least one uppercase letter from the Latin alphabet (A-Z)" },
  { key: "requireLowercaseCharacters", label: "Require at least one lowercase letter from the Latin alphabet (a-z)" },
  { key: "requireNumbers", label: "Require at least one number" },
  { key: "requireSymbols", label: `Require at least one non-alphanumeric character (${SYMBOLS})` },
];

export function PasswordPolicyFields(props: {
  values: PolicyValues;
  errors: Record<string, string>;
  onChange: (key: keyof PolicyValues, value: string | boolean) => void;
}) {
  const { values, errors, onChange } = props;
  const box = (key: BoolKey, label: string, disabled = false) => (
    <Checkbox checked={values[key]} disabled={disabled} onChange={(e) => onChange(key, e.detail.checked)} data-testid={`policy-${key}`}>
      {label}
    </Checkbox>
  );
  const number = (key: "minimumPasswordLength" | "maxPasswordAge" | "passwordReusePrevention", label: string) => (
    <Input
      type="number"
      inputMode="numeric"
      ariaLabel={label}
      value={values[key]}
      onChange={(e) => onChange(key, e.detail.value)}
      data-testid={`policy-${key}`}
    />
  );

  return (
    <Container header={<Header variant="h2">Password policy</Header>}>
      <SpaceBetween size="l">
        <FormField
          label="Password minimum length"
          description="Enforce a minimum length of characters."
          constraintText="Needs to be between 6 and 128."
          errorText={errors.minimumPasswordLength}
        >
          <div style={{ maxWidth: 160 }}>{number("minimumPasswordLength", "Password minimum length")}</div>
        </FormField>
        <FormField label="Password strength">
          <SpaceBetween size="xxs">
            {STRENGTH.map((s) => (
              <div key={s.key}>{box(s.key, s.label)}</div>
            ))}
          </SpaceBetween>
        </FormField>
        <FormField label="Other requirements">
          <SpaceBetween size="s">
            {box("expirePasswords", "Turn on password expiration")}
            {values.expirePasswords && (
              <div style={{ paddingLeft: 24 }}>
                <SpaceBetween size="s">
                  <FormField
                    label="Expire passwords in (days)"
                    constraintText="Needs to be between 1 and 1095 days."
                    errorText={errors.maxPasswordAge}
                  >
                    <div style={{ maxWidth: 160 }}>{number("maxPasswordAge", "Expire passwords in (days)")}</div>
                  </FormField>
                  {box("hardExpiry", "Password expiration requires administrator reset")}
                </SpaceBetween>
              </div>
            )}
            {box("allowUsersToChangePassword", "Allow users to change their own password")}
            {box("preventPasswordReuse", "Prevent password reuse")}
            {values.preventPasswordReuse && (
              <div style={{ paddingLeft: 24 }}>
                <FormField
                  label="Remember (passwords)"
                  constraintText="Needs to be between 1 and 24 passwords."
                  errorText={errors.passwordReusePrevention}
                >
                  <div style={{ maxWidth: 160 }}>{number("passwordReusePrevention", "Remember (passwords)")}</div>
                </FormField>
              </div>
            )}
          </SpaceBetween>
        </FormField>
      </SpaceBetween>
    </Container>
  );
}
