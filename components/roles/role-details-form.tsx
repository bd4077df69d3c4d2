"use client";

import Container from "@cloudscape-design/components/container";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Input from "@cloudscape-design/components/input";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Textarea from "@cloudscape-design/components/textarea";
import { SessionDurationSelect } from "./session-duration-select";

export type RoleDetailsDraft = { roleName: string; description: string; maxSessionDuration: number };

/** "Role details": name (checked as typed), description and maximum session duration. */
export function RoleDetailsForm(props: {
  value: RoleDetailsDraft;
  onChange: (v: RoleDetailsDraft) => void;
  errors: Partial<Record<keyof RoleDetailsDraft, string>>;
}) {
  const { value, onChange, errors } = props;
  return (
    <Container header={<Header variant="h2">Role details</Header>}>
      <SpaceBetween size="l">
        <FormField
          label="Role name"
          description="Enter a meaningful name to identify this role."
          constraintText="Maximum 64 characters. Use alphanumeric and '+=,.@-_' characters."
          errorText={errors.roleName}
        >
          <Input value={value.roleName} data-testid="role-name" onChange={(e) => onChange({ ...value, roleName: e.detail.value })} />
        </FormField>
        <FormField
          label="Description"
          description="Add a short explanation for this role."
          constraintText="Maximum 1000 characters."
          errorText={errors.description}
        >
          <Textarea
            value={value.description}
            rows={2}
            data-testid="role-description"
            onChange={(e) => onChange({ ...value, description: e.detail.value })}
          />
        </FormField>
        <FormField
          label="Maximum session duration"
          description="How long a session that assumes this role can last: 1 to 12 hours."
          errorText={errors.maxSessionDuration}
        >
          <SessionDurationSelect
            value={value.maxSessionDuration}
            onChange={(maxSessionDuration) => onChange({ ...value, maxSessionDuration })}
          />
        </FormField>
      </SpaceBetween>
    </Container>
  );
}
