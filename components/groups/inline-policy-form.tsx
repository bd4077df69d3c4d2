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
import { PolicyEditorContainer } from "@/components/common/policy-editor-container";
import { PolicyNameField } from "@/components/common/policy-name-field";
import { policyHasErrors, RESOLVE_POLICY_ERRORS } from "@/components/common/policy-errors";
import { INLINE_POLICY_TEMPLATE } from "@/components/policies/policy-template";
import { useBreadcrumbs, useNotify } from "@/components/shell/shell-context";
import { ApiError } from "@/lib/queries/api";
import { useGroupInlinePolicy, useGroupPermissions, usePutGroupPolicy } from "@/lib/queries/groups";
import { policyNameSchema } from "@/lib/schemas/iam";
import { groupHref } from "./group-href";

/**
 * Create (or, with `policyName`, edit) a group's inline policy in the JSON editor. The editor's findings come from
 * the same grammar IAM enforces, and a document with findings is not sent; what IAM still refuses shows verbatim.
 */
export function InlinePolicyForm({ groupName, policyName }: { groupName: string; policyName?: string }) {
  const title = policyName ? `Edit ${policyName}` : "Create inline policy";
  useBreadcrumbs([{ text: "User groups", href: "/groups" }, { text: groupName, href: groupHref(groupName) }, { text: title }]);
  const router = useRouter();
  const notify = useNotify();
  const existing = useGroupInlinePolicy(groupName, policyName);
  const permissions = useGroupPermissions(groupName);
  const put = usePutGroupPolicy(groupName, policyName);
  const [name, setName] = useState("");
  const [touched, setTouched] = useState(false);
  const [edited, setEdited] = useState<string>();
  const [documentBlocked, setDocumentBlocked] = useState(false);
  const document = edited ?? existing.data?.policyDocument ?? INLINE_POLICY_TEMPLATE;
  const error = put.error instanceof ApiError ? put.error : undefined;
  const back = groupHref(groupName, "?section=permissions");

  const taken = !policyName && permissions.data?.inlinePolicyNames.some((n) => n === name.trim());
  const nameError = policyName
    ? undefined
    : (policyNameSchema.safeParse(name).error?.issues[0]?.message ??
      (taken ? `The group already has an inline policy named ${name}.` : undefined));

  const submit = () => {
    setTouched(true);
    if (policyHasErrors(document, "identity")) return setDocumentBlocked(true);
    if (nameError) return;
    put.mutate(
      { policyName: policyName ?? name, policyDocument: document },
      {
        onSuccess: () => {
          notify({ type: "success", header: `Policy ${policyName ?? name} ${policyName ? "updated" : "created"}.` });
          router.push(back);
        },
      },
    );
  };

  if (policyName && existing.isLoading) return <Spinner size="large" />;
  if (policyName && existing.error)
    return (
      <Alert type="error" header="Couldn't load the inline policy">
        {existing.error.message}
      </Alert>
    );

  return (
    <Form
      header={
        <Header
          variant="h1"
          description="Inline policies are embedded in this group only. Use the JSON editor to write the policy document."
        >
          {title}
        </Header>
      }
      errorText={documentBlocked ? <span data-testid="policy-errors-blocked">{RESOLVE_POLICY_ERRORS}</span> : undefined}
      actions={
        <FormActions onCancel={() => router.push(back)} onConfirm={submit} busy={put.isPending} testId="inline-policy-submit">
          {policyName ? "Save changes" : "Create policy"}
        </FormActions>
      }
    >
      <SpaceBetween size="l">
        {error && (
          <Alert type="error" header={error.code} data-testid="inline-policy-error">
            {error.message}
          </Alert>
        )}
        {!policyName && (
          <Container header={<Header variant="h2">Policy details</Header>}>
            <PolicyNameField
              value={name}
              onChange={(v) => (setName(v), setTouched(true), put.reset())}
              errorText={touched ? nameError : undefined}
            />
          </Container>
        )}
        <PolicyEditorContainer quota="group" value={document} onChange={(v) => (setEdited(v), setDocumentBlocked(false), put.reset())} />
      </SpaceBetween>
    </Form>
  );
}
