"use client";

import Button from "@cloudscape-design/components/button";
import ContentLayout from "@cloudscape-design/components/content-layout";
import Form from "@cloudscape-design/components/form";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import { useDeferredModule } from "@/components/common/use-deferred-module";
import { useBreadcrumbs, useNotify } from "@/components/shell/shell-context";
import { ApiError } from "@/lib/queries/api";
import { usePasswordPolicy, useUpdatePasswordPolicy, type PasswordPolicy } from "@/lib/queries/account";
import { PasswordPolicyFields, type PolicyValues } from "./password-policy-fields";

// The validation (zod) is fetched after the page: nothing is checked before the user acts.
const loadSchemas = () => import("@/lib/schemas/account");

/** The console's starting point when no custom policy exists yet. */
function initialValues(p: PasswordPolicy | null | undefined): PolicyValues {
  return {
    minimumPasswordLength: String(p?.minimumPasswordLength ?? 8),
    requireUppercaseCharacters: p?.requireUppercaseCharacters ?? false,
    requireLowercaseCharacters: p?.requireLowercaseCharacters ?? false,
    requireNumbers: p?.requireNumbers ?? false,
    requireSymbols: p?.requireSymbols ?? false,
    expirePasswords: p?.expirePasswords ?? false,
    maxPasswordAge: String(p?.maxPasswordAge ?? 90),
    hardExpiry: p?.hardExpiry ?? false,
    allowUsersToChangePassword: p?.allowUsersToChangePassword ?? false,
    preventPasswordReuse: !!p?.passwordReusePrevention,
    passwordReusePrevention: String(p?.passwordReusePrevention ?? 5),
  };
}

export function PasswordPolicyForm() {
  useBreadcrumbs([{ text: "Account settings", href: "/account-settings" }, { text: "Edit password policy" }]);
  const query = usePasswordPolicy();
  if (query.isLoading) return <StatusIndicator type="loading">Loading password policy</StatusIndicator>;
  if (query.error) return <StatusIndicator type="error">{query.error.message}</StatusIndicator>;
  return <EditPolicy initial={initialValues(query.data?.policy)} />;
}

function EditPolicy({ initial }: { initial: PolicyValues }) {
  const router = useRouter();
  const notify = useNotify();
  const update = useUpdatePasswordPolicy();
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const schemas = useDeferredModule(loadSchemas);
  const parsed = useMemo(() => schemas?.passwordPolicySchema.safeParse(values), [schemas, values]);

  const serverFields = update.error instanceof ApiError ? (update.error.fieldErrors ?? {}) : {};
  const errors: Record<string, string> = { ...serverFields };
  if (parsed && !parsed.success) {
    for (const i of parsed.error.issues) {
      const key = String(i.path[0]);
      if (submitted || touched.has(key)) errors[key] ??= i.message;
    }
  }

  function change(key: keyof PolicyValues, value: string | boolean) {
    setValues((v) => ({ ...v, [key]: value }));
    setTouched((t) => new Set(t).add(key));
    update.reset();
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    const checked = (await loadSchemas()).passwordPolicySchema.safeParse(values);
    if (!checked.success) return;
    update.mutate(checked.data, {
      onSuccess: () => {
        notify({ type: "success", content: "The password policy was updated." });
        router.push("/account-settings");
      },
    });
  }

  const formError = update.error && !Object.keys(serverFields).length ? update.error.message : undefined;
  return (
    <ContentLayout
      header={
        <Header variant="h1" description="Set the rules that IAM users' passwords must meet in this AWS account.">
          Edit password policy
        </Header>
      }
    >
      <form onSubmit={submit} noValidate>
        <Form
          errorText={formError}
          errorIconAriaLabel="Error"
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button formAction="none" variant="link" onClick={() => router.push("/account-settings")}>
                Cancel
              </Button>
              <Button variant="primary" formAction="submit" loading={update.isPending} data-testid="policy-save">
                Save changes
              </Button>
            </SpaceBetween>
          }
        >
          <PasswordPolicyFields values={values} errors={errors} onChange={change} />
        </Form>
      </form>
    </ContentLayout>
  );
}
