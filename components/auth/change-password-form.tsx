"use client";

import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import Form from "@cloudscape-design/components/form";
import Header from "@cloudscape-design/components/header";
import KeyValuePairs from "@cloudscape-design/components/key-value-pairs";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useHydrated } from "@/components/common/use-hydrated";
import { signOut, useSession } from "./session";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useChangePassword } from "@/lib/queries/account";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/schemas/sign-in";
import type { Identity } from "@/lib/identity";
import { ChangePasswordFields } from "./change-password-fields";
import { changePasswordErrors } from "./change-password-errors";

const EMPTY: ChangePasswordInput = { oldPassword: "", newPassword: "", confirmPassword: "" };

/** IAM ChangePassword as the signed-in user; then the session's reset flag is cleared and the console opens. */
export function ChangePasswordForm({ identity }: { identity: Identity }) {
  const router = useRouter();
  const session = useSession();
  const hydrated = useHydrated();
  const change = useChangePassword();
  const [values, setValues] = useState(EMPTY);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [finishing, setFinishing] = useState(false);
  const required = !!identity.passwordResetRequired;

  const parsed = changePasswordSchema.safeParse(values);
  const errors: Record<string, string> = {};
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const key = String(i.path[0]);
      if (submitted || touched.has(key)) errors[key] ??= i.message;
    }
  }
  const server = changePasswordErrors(change.error);
  Object.assign(errors, server.fields);

  function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (!parsed.success) return;
    change.mutate(parsed.data, {
      onSuccess: async () => {
        setFinishing(true);
        await session.update();
        router.replace("/");
        router.refresh();
      },
    });
  }

  const account = identity.accountAlias ? `${identity.accountAlias} (${identity.accountId})` : identity.accountId;
  return (
    <Box padding={{ top: "xxxl", horizontal: "l" }}>
      <div style={{ maxWidth: 480, margin: "0 auto" }}>
        <form onSubmit={submit} noValidate data-hydrated={hydrated || undefined}>
          <Form
            header={
              <Header
                variant="h1"
                description={
                  required
                    ? "Your password has expired or your administrator requires you to change it. Enter a new password to continue to the console."
                    : "Enter your current password and a new one."
                }
              >
                Change password
              </Header>
            }
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                {required ? (
                  <Button formAction="none" variant="link" onClick={() => void signOut({ callbackUrl: "/signin" })}>
                    Sign out
                  </Button>
                ) : (
                  <Button formAction="none" variant="link" onClick={() => router.push("/")}>
                    Cancel
                  </Button>
                )}
                <Button variant="primary" formAction="submit" loading={change.isPending || finishing} data-testid="change-password-submit">
                  Confirm password change
                </Button>
              </SpaceBetween>
            }
          >
            <Container>
              <SpaceBetween size="l">
                <KeyValuePairs
                  columns={2}
                  items={[
                    { label: "AWS account", value: account },
                    { label: "IAM user name", value: identity.userName ?? "-" },
                  ]}
                />
                {server.message && (
                  <Alert type="error" header="Couldn't change the password">
                    {server.message}
                  </Alert>
                )}
                <ChangePasswordFields
                  values={values}
                  errors={errors}
                  onChange={(key, value) => {
                    setValues((v) => ({ ...v, [key]: value }));
                    setTouched((t) => new Set(t).add(key));
                    change.reset();
                  }}
                />
              </SpaceBetween>
            </Container>
          </Form>
        </form>
      </div>
    </Box>
  );
}
