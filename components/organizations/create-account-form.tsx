"use client";

import Container from "@cloudscape-design/components/container";
import Form from "@cloudscape-design/components/form";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Input from "@cloudscape-design/components/input";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormActions } from "@/components/common/form-actions";
import { TagsEditor, type TagDraft } from "@/components/common/tags-editor";
import { ApiError } from "@/lib/queries/api";
import { useCreateAccount } from "@/lib/queries/organizations-mutations";
import { tagsSchema } from "@/lib/schemas/iam";
import { accessRoleNameSchema, accountEmailSchema, accountNameSchema, DEFAULT_ACCESS_ROLE } from "@/lib/schemas/organizations";
import { useWatchCreateAccount } from "./create-account-progress";

const firstError = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? undefined : r.error?.issues[0]?.message;

/**
 * "Create an AWS account": CreateAccount starts it and answers IN_PROGRESS; the console then follows the request in
 * the flash bar (DescribeCreateAccountStatus) until the account joins the root or AWS says why it failed.
 */
export function CreateAccountForm() {
  const router = useRouter();
  const create = useCreateAccount();
  const watch = useWatchCreateAccount();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [roleName, setRoleName] = useState(DEFAULT_ACCESS_ROLE);
  const [tags, setTags] = useState<TagDraft[]>([]);
  const [touched, setTouched] = useState(false);
  const kept = tags.filter((t) => t.Key || t.Value);
  const errors = {
    name: firstError(accountNameSchema.safeParse(name)),
    email: firstError(accountEmailSchema.safeParse(email)),
    roleName: firstError(accessRoleNameSchema.safeParse(roleName)),
  };
  const fieldErrors = create.error instanceof ApiError ? (create.error.fieldErrors ?? {}) : {};

  const submit = () => {
    setTouched(true);
    if (errors.name || errors.email || errors.roleName || !tagsSchema.safeParse(kept).success) return;
    create.mutate(
      { accountName: name, email, roleName: roleName || undefined, tags: kept },
      {
        onSuccess: (status) => {
          watch(status.id);
          router.push("/organizations/accounts");
        },
      },
    );
  };

  const apiError = create.error && !Object.keys(fieldErrors).length ? create.error : undefined;
  return (
    <Form
      errorText={apiError ? `${apiError instanceof ApiError ? apiError.code : "Error"}: ${apiError.message}` : undefined}
      errorIconAriaLabel="Error"
      actions={
        <FormActions
          onCancel={() => router.push("/organizations/accounts")}
          onConfirm={submit}
          busy={create.isPending}
          testId="create-account-submit"
        >
          Create AWS account
        </FormActions>
      }
    >
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">Account details</Header>}>
          <SpaceBetween size="l">
            <FormField
              label="AWS account name"
              constraintText="Up to 50 characters: letters, numbers, spaces and ASCII punctuation."
              errorText={(touched && errors.name) || fieldErrors.accountName}
            >
              <Input value={name} onChange={(e) => setName(e.detail.value)} ariaLabel="AWS account name" data-testid="account-name" />
            </FormField>
            <FormField
              label="Email address of the account's owner"
              description="The account's root user signs in with this address. It must not be used by another AWS account."
              errorText={(touched && errors.email) || fieldErrors.email}
            >
              <Input
                value={email}
                type="email"
                onChange={(e) => setEmail(e.detail.value)}
                ariaLabel="Email address of the account's owner"
                data-testid="account-email"
              />
            </FormField>
            <FormField
              label="IAM role name"
              description="Organizations creates this role in the new account. It trusts the management account and grants administrator access."
              errorText={errors.roleName || fieldErrors.roleName}
            >
              <Input
                value={roleName}
                onChange={(e) => setRoleName(e.detail.value)}
                ariaLabel="IAM role name"
                data-testid="account-role-name"
              />
            </FormField>
          </SpaceBetween>
        </Container>
        <Container
          header={
            <Header variant="h2" description="Tags are key-value pairs attached to the account in your organization.">
              Tags - optional
            </Header>
          }
        >
          <TagsEditor tags={tags} onChange={setTags} />
        </Container>
      </SpaceBetween>
    </Form>
  );
}
