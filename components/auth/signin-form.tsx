"use client";

import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import Form from "@cloudscape-design/components/form";
import Header from "@cloudscape-design/components/header";
import Tiles from "@cloudscape-design/components/tiles";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useHydrated } from "@/components/common/use-hydrated";
import { signIn } from "./session";
import { useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { sameOriginPath } from "@/lib/same-origin-path";
import { signInSchema } from "@/lib/schemas/sign-in";
import { blankFields, SignInFields, type SignInKind } from "./signin-fields";

export function SignInForm({ backend, callbackUrl }: { backend: "local" | "aws"; callbackUrl: string }) {
  const kinds: { value: SignInKind; label: string; description: string }[] =
    backend === "local"
      ? [
          { value: "root", label: "Root user", description: "Account owner that performs tasks requiring unrestricted access." },
          { value: "iam", label: "IAM user", description: "User within an account that performs daily tasks." },
        ]
      : [
          { value: "keys", label: "Access keys", description: "An access key ID and secret access key." },
          { value: "profile", label: "Named profile", description: "A profile from this server's AWS configuration." },
        ];
  // The account's sign-in URL for IAM users (/signin?account=<alias or ID>) opens the IAM user form, account filled in.
  const account = useSearchParams().get("account")?.trim();
  const forIamUser = !!account && kinds.some((k) => k.value === "iam");
  const [kind, setKind] = useState<SignInKind>(forIamUser ? "iam" : kinds[0].value);
  const [values, setValues] = useState<Record<string, string>>(forIamUser ? { account } : {});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  // A click before hydration would submit the bare HTML form.
  const ready = useHydrated();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(undefined);
    const parsed = signInSchema.safeParse({ type: kind, ...blankFields(kind), ...values });
    if (!parsed.success) {
      const first: Record<string, string> = {};
      for (const i of parsed.error.issues) first[String(i.path[0])] ??= i.message;
      setErrors(first);
      return;
    }
    setErrors({});
    setBusy(true);
    const res = await signIn("clef", { ...parsed.data, redirect: "false" }, callbackUrl);
    setBusy(false);
    if (res?.ok && !res.error) window.location.assign(sameOriginPath(callbackUrl, window.location.origin));
    else setFailure(res?.error ?? "Sign-in failed. Try again.");
  }

  return (
    <Box padding={{ top: "xxxl", horizontal: "l" }}>
      <div style={{ maxWidth: 440, margin: "0 auto" }}>
        <form onSubmit={submit} noValidate data-hydrated={ready || undefined}>
          <Form
            header={
              <Header variant="h1" description="Clef, the IAM console">
                Sign in
              </Header>
            }
            actions={
              <Button variant="primary" formAction="submit" loading={busy} disabled={!ready} data-testid="signin-submit">
                Sign in
              </Button>
            }
          >
            <Container>
              <SpaceBetween size="l">
                {failure && (
                  <Alert type="error" header="Sign-in failed">
                    {failure}
                  </Alert>
                )}
                <Tiles
                  value={kind}
                  onChange={(e) => {
                    setKind(e.detail.value as SignInKind);
                    setErrors({});
                  }}
                  items={kinds}
                  columns={2}
                />
                <SignInFields kind={kind} values={values} errors={errors} onChange={(k, v) => setValues((s) => ({ ...s, [k]: v }))} />
              </SpaceBetween>
            </Container>
          </Form>
        </form>
      </div>
    </Box>
  );
}
