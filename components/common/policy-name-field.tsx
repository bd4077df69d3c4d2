"use client";

import FormField from "@cloudscape-design/components/form-field";
import Input from "@cloudscape-design/components/input";

/** An inline policy's name, with IAM's rules as the constraint and the caller's error (checked as typed). */
export function PolicyNameField(props: { value: string; onChange: (name: string) => void; errorText?: string; disabled?: boolean }) {
  return (
    <FormField
      label="Policy name"
      description="Enter a meaningful name to identify this policy."
      constraintText="Maximum 128 characters. Use alphanumeric and '+=,.@-_' characters."
      errorText={props.errorText}
      data-testid="inline-policy-name-field"
    >
      <Input
        value={props.value}
        disabled={props.disabled}
        ariaLabel="Policy name"
        placeholder="Enter a policy name"
        onChange={(e) => props.onChange(e.detail.value)}
      />
    </FormField>
  );
}
