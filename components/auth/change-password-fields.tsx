"use client";

import Box from "@cloudscape-design/components/box";
import FormField from "@cloudscape-design/components/form-field";
import Input from "@cloudscape-design/components/input";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { DEFAULT_POLICY_RULES, policyRules } from "@/components/account/policy-rules";
import { usePasswordPolicy } from "@/lib/queries/account";
import type { ChangePasswordInput } from "@/lib/schemas/sign-in";

const FIELDS: { key: keyof ChangePasswordInput; label: string; autoComplete: string }[] = [
  { key: "oldPassword", label: "Old password", autoComplete: "current-password" },
  { key: "newPassword", label: "New password", autoComplete: "new-password" },
  { key: "confirmPassword", label: "Retype new password", autoComplete: "new-password" },
];

export function ChangePasswordFields(props: {
  values: ChangePasswordInput;
  errors: Record<string, string>;
  onChange: (key: keyof ChangePasswordInput, value: string) => void;
}) {
  // Shown when the caller may read it (AWS's IAMUserChangePassword policy allows it); otherwise AWS's error says enough.
  const policy = usePasswordPolicy();
  const rules = policy.data ? (policy.data.policy ? policyRules(policy.data.policy) : DEFAULT_POLICY_RULES) : undefined;
  return (
    <SpaceBetween size="m">
      {FIELDS.map((f) => (
        <FormField key={f.key} label={f.label} errorText={props.errors[f.key]}>
          <Input
            type="password"
            value={props.values[f.key]}
            autoComplete={f.autoComplete}
            onChange={(e) => props.onChange(f.key, e.detail.value)}
            ariaRequired
            data-testid={`change-password-${f.key}`}
          />
        </FormField>
      ))}
      {rules && (
        <Box variant="small" color="text-body-secondary">
          The new password must meet the account&apos;s password policy:
          <ul style={{ margin: "4px 0 0", paddingLeft: 20 }}>
            {rules
              .filter((r) => !r.startsWith("Allow users"))
              .map((r) => (
                <li key={r}>{r}</li>
              ))}
          </ul>
        </Box>
      )}
    </SpaceBetween>
  );
}
