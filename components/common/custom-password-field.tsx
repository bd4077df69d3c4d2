"use client";

import Checkbox from "@cloudscape-design/components/checkbox";
import FormField from "@cloudscape-design/components/form-field";
import Input from "@cloudscape-design/components/input";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useState } from "react";
import { passwordRequirements, type PasswordRules } from "@/lib/schemas/users";

/** "Custom password": masked unless asked, with the account password policy's rules listed under it. */
export function CustomPasswordField(props: {
  value: string;
  onChange: (password: string) => void;
  rules: PasswordRules | null | undefined;
  errorText?: string;
}) {
  const [show, setShow] = useState(false);
  return (
    <FormField
      label="Custom password"
      errorText={props.errorText}
      constraintText={passwordRequirements(props.rules ?? null).map((line) => (
        <div key={line}>{line}</div>
      ))}
      data-testid="custom-password-field"
    >
      <SpaceBetween size="xs">
        <Input
          type={show ? "text" : "password"}
          value={props.value}
          onChange={(e) => props.onChange(e.detail.value)}
          autoComplete="new-password"
          disableBrowserAutocorrect
          ariaLabel="Custom password"
          data-testid="custom-password"
        />
        <Checkbox checked={show} onChange={(e) => setShow(e.detail.checked)}>
          Show password
        </Checkbox>
      </SpaceBetween>
    </FormField>
  );
}
