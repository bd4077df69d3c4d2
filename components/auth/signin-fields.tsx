"use client";

import FormField from "@cloudscape-design/components/form-field";
import Input from "@cloudscape-design/components/input";
import SpaceBetween from "@cloudscape-design/components/space-between";

export type SignInKind = "root" | "iam" | "keys" | "profile";

type Field = { key: string; label: string; type?: "password" | "email"; description?: string };

const FIELDS: Record<SignInKind, Field[]> = {
  root: [
    { key: "email", label: "Email address", type: "email" },
    { key: "password", label: "Password", type: "password" },
  ],
  iam: [
    { key: "account", label: "Account ID (12 digits) or account alias" },
    { key: "userName", label: "IAM user name" },
    { key: "password", label: "Password", type: "password" },
  ],
  keys: [
    { key: "accessKeyId", label: "Access key ID" },
    { key: "secretAccessKey", label: "Secret access key", type: "password" },
  ],
  profile: [{ key: "profile", label: "Profile name", description: "A profile in the server's ~/.aws/config or credentials file." }],
};

/** Every field of a kind, empty unless typed: an untouched field is reported as empty, not as missing. */
export const blankFields = (kind: SignInKind): Record<string, string> => Object.fromEntries(FIELDS[kind].map((f) => [f.key, ""]));

export function SignInFields(props: {
  kind: SignInKind;
  values: Record<string, string>;
  errors: Record<string, string>;
  onChange: (key: string, value: string) => void;
}) {
  return (
    <SpaceBetween size="m">
      {FIELDS[props.kind].map((f) => (
        <FormField key={`${props.kind}-${f.key}`} label={f.label} description={f.description} errorText={props.errors[f.key]}>
          <Input
            value={props.values[f.key] ?? ""}
            type={f.type}
            autoComplete={f.type === "password" ? "current-password" : undefined}
            onChange={(e) => props.onChange(f.key, e.detail.value)}
            ariaRequired
            data-testid={`signin-${f.key}`}
          />
        </FormField>
      ))}
    </SpaceBetween>
  );
}
