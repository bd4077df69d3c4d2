"use client";

import Alert from "@cloudscape-design/components/alert";
import Container from "@cloudscape-design/components/container";
import Form from "@cloudscape-design/components/form";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Spinner from "@cloudscape-design/components/spinner";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormActions } from "@/components/common/form-actions";
import { policyHasErrors, RESOLVE_POLICY_ERRORS } from "@/components/common/policy-errors";
import { useNewAccessGate } from "@/components/policy-editor/new-access-gate";
import { PolicyEditor } from "@/components/policy-editor/policy-editor";
import { useBreadcrumbs, useNotify } from "@/components/shell/shell-context";
import { useRole, useUpdateTrustPolicy } from "@/lib/queries/roles";
import { roleHref } from "./role-href";

/** "Edit trust policy": the trust-policy editor with live findings; AWS's MalformedPolicyDocument shown verbatim. */
export function EditTrustPolicy({ roleName }: { roleName: string }) {
  const back = roleHref(roleName, "?tab=trust");
  useBreadcrumbs([{ text: "Roles", href: "/roles" }, { text: roleName, href: back }, { text: "Edit trust policy" }]);
  const router = useRouter();
  const notify = useNotify();
  const role = useRole(roleName);
  const update = useUpdateTrustPolicy(roleName);
  const [saveAttempted, setSaveAttempted] = useState(false);
  const [edited, setEdited] = useState<string>();
  const document = edited ?? role.data?.assumeRolePolicyDocument;
  const newAccess = useNewAccessGate({
    existing: role.data?.assumeRolePolicyDocument,
    document,
    kind: "trust",
    existingLabel: "the current trust policy",
    account: role.data?.arn.split(":")[4],
    roleArn: role.data?.arn,
  });

  if (role.error) {
    const e = role.error as Error & { code?: string };
    return (
      <Alert type="error" header={e.code ?? "Error"}>
        {e.message}
      </Alert>
    );
  }
  if (document === undefined) return <Spinner size="large" />;

  // A trust policy with errors is not sent (as in AWS's console); the message stays until the editor's errors are fixed.
  const blocked = saveAttempted && policyHasErrors(document, "trust");
  const save = async () => {
    setSaveAttempted(true);
    if (policyHasErrors(document, "trust") || !(await newAccess.allowsSave())) return;
    update.mutate(document, {
      onSuccess: () => {
        notify({ type: "success", content: `Trust policy updated for ${roleName}.` });
        router.push(back);
      },
    });
  };

  return (
    <Form
      header={
        <Header variant="h1" description="A trust policy says who can assume the role and under which conditions.">
          Edit trust policy
        </Header>
      }
      actions={
        <FormActions onCancel={() => router.push(back)} onConfirm={() => void save()} busy={update.isPending} testId="update-trust-policy">
          Update policy
        </FormActions>
      }
      errorText={
        blocked ? (
          <span data-testid="policy-errors-blocked">{RESOLVE_POLICY_ERRORS}</span>
        ) : update.error ? (
          <span data-testid="trust-policy-error">
            <b>{(update.error as { code?: string }).code ?? "Error"}</b>: {update.error.message}
          </span>
        ) : undefined
      }
    >
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">Trust policy for {roleName}</Header>}>
          <PolicyEditor value={document} kind="trust" height={440} onChange={setEdited} />
        </Container>
        {newAccess.panel}
      </SpaceBetween>
    </Form>
  );
}
