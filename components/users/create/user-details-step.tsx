"use client";

import Alert from "@cloudscape-design/components/alert";
import Checkbox from "@cloudscape-design/components/checkbox";
import Container from "@cloudscape-design/components/container";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Input from "@cloudscape-design/components/input";
import SpaceBetween from "@cloudscape-design/components/space-between";
import type { PasswordRules } from "@/lib/schemas/users";
import { ConsolePasswordFields } from "./console-password-fields";
import type { UserDraft } from "./draft";

type Props = {
  draft: UserDraft;
  update: (patch: Partial<UserDraft>) => void;
  errors: Record<string, string | undefined>;
  policy: PasswordRules | null | undefined;
};

export function UserDetailsStep({ draft, update, errors, policy }: Props) {
  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2">User details</Header>}>
        <SpaceBetween size="l">
          <FormField
            label="User name"
            constraintText="The user name can have up to 64 characters. Valid characters: A-Z, a-z, 0-9, and + = , . @ _ - (hyphen)"
            errorText={errors.userName}
          >
            <Input
              value={draft.userName}
              onChange={(e) => update({ userName: e.detail.value })}
              autoComplete={false}
              ariaLabel="User name"
              data-testid="user-name"
            />
          </FormField>
          <Checkbox
            checked={draft.consoleAccess}
            onChange={(e) => update({ consoleAccess: e.detail.checked })}
            description="If you're providing console access to a person, it's a best practice to manage their access in IAM Identity Center."
            data-testid="console-access"
          >
            Provide user access to the AWS Management Console - <i>optional</i>
          </Checkbox>
          {draft.consoleAccess && (
            <ConsolePasswordFields draft={draft} update={update} errorText={errors["consoleAccess.password"]} policy={policy} />
          )}
        </SpaceBetween>
      </Container>
      <Alert type="info">
        If you are creating programmatic access through access keys or service-specific credentials for AWS CodeCommit or Amazon Keyspaces,
        you can generate them after you create this IAM user.
      </Alert>
    </SpaceBetween>
  );
}
