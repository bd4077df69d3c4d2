"use client";

import Alert from "@cloudscape-design/components/alert";
import Checkbox from "@cloudscape-design/components/checkbox";
import Container from "@cloudscape-design/components/container";
import Form from "@cloudscape-design/components/form";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Spinner from "@cloudscape-design/components/spinner";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormActions } from "@/components/common/form-actions";
import { useNewAccessGate } from "@/components/policy-editor/new-access-gate";
import { PolicyEditor } from "@/components/policy-editor/policy-editor";
import { useBreadcrumbs, useNotify } from "@/components/shell/shell-context";
import type { ApiError } from "@/lib/queries/api";
import { policyHref, usePolicy, usePolicyVersion, usePolicyVersions } from "@/lib/queries/policies";
import { useCreatePolicyVersion } from "@/lib/queries/policy-mutations";
import { VersionLimitModal } from "./version-limit-modal";

const MAX_VERSIONS = 5;

/** "Modify permissions": saving creates a new version (the default unless unticked), as the AWS console does. */
export function EditPolicyForm({ policyArn }: { policyArn: string }) {
  const router = useRouter();
  const notify = useNotify();
  const policy = usePolicy(policyArn);
  const name = policy.data?.policyName ?? policyArn.split("/").pop() ?? "";
  useBreadcrumbs([{ text: "Policies", href: "/policies" }, { text: name, href: policyHref(policyArn) }, { text: "Edit" }]);
  const versions = usePolicyVersions(policyArn);
  const current = usePolicyVersion(policyArn, policy.data?.defaultVersionId);
  const save = useCreatePolicyVersion(policyArn);
  const [edited, setEdited] = useState<string>();
  const document = edited ?? current.data?.document;
  const [setAsDefault, setSetAsDefault] = useState(true);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ApiError>();
  const newAccess = useNewAccessGate({
    existing: current.data?.document,
    document,
    kind: "identity",
    existingLabel: `the default version (${policy.data?.defaultVersionId ?? "current"})`,
    account: policyArn.split(":")[4],
  });

  const list = versions.data ?? [];
  const oldest = [...list].filter((v) => !v.isDefaultVersion).sort((a, b) => a.createDate.localeCompare(b.createDate))[0];
  const atLimit = list.length >= MAX_VERSIONS;

  const submit = (deleteVersionId?: string) => {
    if (document === undefined) return;
    setError(undefined);
    save.mutate(
      { policyDocument: document, setAsDefault, deleteVersionId },
      {
        onSuccess: (v) => {
          setConfirming(false);
          notify({
            type: "success",
            content: `Policy ${name} updated. Version ${v.versionId} ${v.isDefaultVersion ? "is now the default" : "was saved"}.`,
          });
          router.push(policyHref(policyArn));
        },
        onError: (err) => {
          setConfirming(false);
          // Another version was added meanwhile: offer what the console offers at the quota.
          if ((err as ApiError).code === "LimitExceeded" && !deleteVersionId)
            return void versions.refetch().then(() => setConfirming(true));
          setError(err as ApiError);
        },
      },
    );
  };

  const loadError = (policy.error ?? versions.error ?? current.error) as ApiError | null;
  if (loadError) {
    return (
      <Alert type="error" header={loadError.code ?? "Error"}>
        {loadError.message}
      </Alert>
    );
  }
  if (document === undefined || !policy.data || !versions.data) return <Spinner size="large" />;
  if (policy.data.type !== "Customer managed") {
    return <Alert type="info">{name} is an AWS managed policy. AWS maintains it, so it can&apos;t be edited.</Alert>;
  }

  return (
    <Form
      header={
        <Header variant="h1" description="Add permissions by specifying actions, resources, and conditions in the JSON policy editor.">
          Modify permissions in {name}
        </Header>
      }
      errorText={error ? `${error.code}: ${error.message}` : undefined}
      actions={
        <FormActions
          onCancel={() => router.push(policyHref(policyArn))}
          onConfirm={() => void newAccess.allowsSave().then((ok) => ok && (atLimit && oldest ? setConfirming(true) : submit()))}
          busy={save.isPending && !confirming}
          testId="save-policy"
        >
          Save changes
        </FormActions>
      }
    >
      <SpaceBetween size="l">
        {atLimit && oldest && (
          <Alert type="info" header="Policy version limit">
            This policy has {list.length} versions, the most IAM allows. Saving deletes the oldest non-default version ({oldest.versionId})
            first.
          </Alert>
        )}
        <Container header={<Header variant="h2">Policy editor</Header>}>
          <PolicyEditor value={document} onChange={setEdited} kind="identity" managed testable height={460} />
        </Container>
        {newAccess.panel}
        <Checkbox
          checked={setAsDefault}
          onChange={(e) => setSetAsDefault(e.detail.checked)}
          description="The default version defines the permissions of the policy."
        >
          Set this new version as the default.
        </Checkbox>
      </SpaceBetween>
      {confirming && oldest && (
        <VersionLimitModal
          oldest={oldest}
          busy={save.isPending}
          onCancel={() => setConfirming(false)}
          onConfirm={() => submit(oldest.versionId)}
        />
      )}
    </Form>
  );
}
