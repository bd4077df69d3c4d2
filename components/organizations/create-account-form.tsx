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
import { useDeferredModule } from "@/components/common/use-deferred-module";
import { TagsEditor, type TagDraft } from "@/components/common/tags-editor";
import { ApiError } from "@/lib/queries/api";
import { useCreateAccount } from "@/lib/queries/organizations-mutations";
import { useWatchCreateAccount } from "./create-account-progress";

/** The role AWS creates in the new account when no name is given (CreateAccount's RoleName). */
const DEFAULT_ACCESS_ROLE = "OrganizationAccountAccessRole";

// The validation (zod) is fetched after the page: the fields start empty, or valid.
const loadSchemas = () =>
  Promise.all([import("@/lib/schemas/organizations"), import("@/lib/schemas/iam")]).then(([org, iam]) => ({ ...org, ...iam }));

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
  const check = (s: Awaited<ReturnType<typeof loadSchemas>>) => ({
    name: firstError(s.accountNameSchema.safeParse(name)),
    email: firstError(s.accountEmailSchema.safeParse(email)),
    roleName: firstError(s.accessRoleNameSchema.safeParse(roleName)),
    tags: firstError(s.tagsSchema.safeParse(kept)),
  });
  const schemas = useDeferredModule(loadSchemas);
  const errors: Partial<ReturnType<typeof check>> = schemas ? check(schemas) : {};
  const fieldErrors = create.error instanceof ApiError ? (create.error.fieldErrors ?? {}) : {};

  const submit = async () => {
    setTouched(true);
    const now = check(await loadSchemas());
    if (now.name || now.email || now.roleName || now.tags) return;
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
