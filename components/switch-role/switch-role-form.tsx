"use client";

import Alert from "@cloudscape-design/components/alert";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import ContentLayout from "@cloudscape-design/components/content-layout";
import Form from "@cloudscape-design/components/form";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Input from "@cloudscape-design/components/input";
import RadioGroup from "@cloudscape-design/components/radio-group";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useDeferredModule } from "@/components/common/use-deferred-module";
import { useBreadcrumbs } from "@/components/shell/shell-context";
import { ROLE_COLORS, suggestedDisplayName, type RoleColor, type SwitchOutcome } from "@/lib/switch-role";
import { RoleColorSwatch } from "./role-color-swatch";
import { useSwitchRole } from "./use-switch-role";
import { useSwitchRoleState } from "./switch-role-context";

// The validation (zod) is fetched after the page: nothing is checked before the user acts.
const loadSchemas = () => import("@/lib/schemas/switch-role");

export type SwitchRoleValues = { account: string; roleName: string; displayName: string; color: RoleColor };

const DESCRIPTION =
  "Switching roles enables you to manage resources across AWS accounts using a single user. When you switch roles, you temporarily take on the permissions assigned to the new role. When you switch back, you give up those permissions and get your original permissions back.";

/** AWS's Switch role page: account, role (with its path), display name and colour; AWS's refusals next to the form. */
export function SwitchRoleForm({ initial }: { initial: SwitchRoleValues }) {
  useBreadcrumbs([{ text: "Switch role" }]);
  const router = useRouter();
  const { signedIn } = useSwitchRoleState();
  const { ready, pending, switchRole } = useSwitchRole();
  const [values, setValues] = useState(initial);
  const [ownDisplayName, setOwnDisplayName] = useState(!!initial.displayName);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [outcome, setOutcome] = useState<SwitchOutcome>();

  const displayName = ownDisplayName ? values.displayName : suggestedDisplayName(values.roleName.trim(), values.account.trim());
  const schemas = useDeferredModule(loadSchemas);
  const parsed = schemas?.switchRoleSchema.safeParse({ ...values, displayName });
  const errors: Record<string, string> = outcome && !outcome.ok ? { ...outcome.fieldErrors } : {};
  if (parsed && !parsed.success) {
    for (const i of parsed.error.issues) {
      const key = String(i.path[0]);
      if (submitted || touched.has(key)) errors[key] ??= i.message;
    }
  }
  const formError = outcome && !outcome.ok && !outcome.fieldErrors ? outcome : undefined;

  function change(key: keyof SwitchRoleValues, value: string) {
    setValues((v) => ({ ...v, [key]: value }));
    setTouched((t) => new Set(t).add(key));
    if (key === "displayName") setOwnDisplayName(true);
    setOutcome(undefined);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    const checked = (await loadSchemas()).switchRoleSchema.safeParse({ ...values, displayName });
    if (!checked.success || !ready) return;
    setOutcome(await switchRole(checked.data));
  }

  if (signedIn.type === "root") {
    return (
      <ContentLayout header={<Header variant="h1">Switch role</Header>}>
        <Alert type="error" header="You can't switch roles as the root user" data-testid="switch-role-root">
          You can&apos;t switch roles if you sign in as the AWS account root user. Sign in as an IAM user to switch roles.
        </Alert>
      </ContentLayout>
    );
  }

  return (
    <ContentLayout
      header={
        <Header variant="h1" description={DESCRIPTION}>
          Switch role
        </Header>
      }
    >
      <form onSubmit={submit} noValidate data-hydrated={ready || undefined}>
        <Form
          errorText={formError && <span data-testid="switch-role-error">{formError.message}</span>}
          errorIconAriaLabel="Error"
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button formAction="none" variant="link" onClick={() => router.back()}>
                Cancel
              </Button>
              <Button variant="primary" formAction="submit" loading={pending} disabled={!ready} data-testid="switch-role-submit">
                Switch role
              </Button>
            </SpaceBetween>
          }
        >
          <Container
            header={
              <Header
                variant="h2"
                description="The console can't switch to a role that requires an external ID or a source identity, and it passes no session tags."
              >
                Role
              </Header>
            }
          >
            <SpaceBetween size="l">
              <FormField label="Account ID or alias" description="The AWS account that has the role." errorText={errors.account}>
                <Input
                  value={values.account}
                  data-testid="switch-role-account"
                  placeholder="123456789012"
                  onChange={(e) => change("account", e.detail.value)}
                />
              </FormField>
              <FormField
                label="IAM role name"
                description="The role's name, with its path if it has one, without a leading slash: job-function/dev."
                errorText={errors.roleName}
              >
                <Input value={values.roleName} data-testid="switch-role-role-name" onChange={(e) => change("roleName", e.detail.value)} />
              </FormField>
              <FormField
                label={
                  <span>
                    Display name - <i>optional</i>
                  </span>
                }
                description="The name the navigation bar and the role history show while you use this role."
                errorText={errors.displayName}
              >
                <Input value={displayName} data-testid="switch-role-display-name" onChange={(e) => change("displayName", e.detail.value)} />
              </FormField>
              <FormField
                label={
                  <span>
                    Display color - <i>optional</i>
                  </span>
                }
                description="Highlights the display name in the navigation bar."
              >
                <RadioGroup
                  direction="horizontal"
                  value={values.color}
                  ariaLabel="Display color"
                  onChange={(e) => change("color", e.detail.value)}
                  items={ROLE_COLORS.map((c) => ({
                    value: c.id,
                    label: (
                      <span style={{ display: "inline-flex", alignItems: "center", gap: 4 }}>
                        <span style={{ width: 16, height: 16, display: "inline-block" }}>
                          <RoleColorSwatch color={c.id} />
                        </span>
                        {c.label}
                      </span>
                    ),
                  }))}
                />
              </FormField>
            </SpaceBetween>
          </Container>
        </Form>
      </form>
    </ContentLayout>
  );
}
