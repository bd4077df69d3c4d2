"use client";

import Alert from "@cloudscape-design/components/alert";
import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Spinner from "@cloudscape-design/components/spinner";
import Wizard from "@cloudscape-design/components/wizard";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { PolicyEditorContainer } from "@/components/common/policy-editor-container";
import { PolicyNameField } from "@/components/common/policy-name-field";
import { policyHasErrors, RESOLVE_POLICY_ERRORS } from "@/components/common/policy-errors";
import { WIZARD_STRINGS } from "@/components/common/wizard-strings";
import { INLINE_POLICY_TEMPLATE } from "@/components/policies/policy-template";
import { useBreadcrumbs, useNotify } from "@/components/shell/shell-context";
import { ApiError } from "@/lib/queries/api";
import { usePermissionDocument, usePutUserPolicy, useUserPermissions } from "@/lib/queries/user-detail";
import { policyNameSchema } from "@/lib/schemas/iam";
import { userHref } from "./user-href";

/**
 * Create (or, with `policyName`, edit) the user's inline policy: the JSON editor with live findings from the grammar IAM
 * enforces (a document with findings goes no further), then a name. What IAM still refuses is shown verbatim.
 */
export function CreateInlinePolicy({ userName, policyName }: { userName: string; policyName?: string }) {
  const title = policyName ? `Modify permissions in ${policyName}` : "Create policy";
  useBreadcrumbs([{ text: "Users", href: "/users" }, { text: userName, href: userHref(userName) }, { text: title }]);
  const router = useRouter();
  const notify = useNotify();
  const existing = usePermissionDocument(userName, { policyName: policyName ?? "" }, !!policyName);
  const permissions = useUserPermissions(userName);
  const put = usePutUserPolicy(userName);
  const [step, setStep] = useState(0);
  const [documentBlocked, setDocumentBlocked] = useState(false);
  const [name, setName] = useState(policyName ?? "");
  const [touched, setTouched] = useState(false);
  const [edited, setEdited] = useState<string>();
  const document = edited ?? existing.data?.document ?? INLINE_POLICY_TEMPLATE;
  const back = userHref(userName, "?section=permissions");
  const error = put.error instanceof ApiError ? put.error : undefined;

  const taken =
    !policyName &&
    permissions.data?.policies.some((p) => p.type === "Customer inline" && p.via === "Attached directly" && p.policyName === name);
  const nameError =
    policyNameSchema.safeParse(name).error?.issues[0]?.message ??
    (taken ? `The user already has an inline policy named ${name}.` : undefined);

  const submit = () => {
    setTouched(true);
    if (policyHasErrors(document, "identity")) return (setDocumentBlocked(true), setStep(0));
    if (nameError) return;
    put.mutate(
      { policyName: name, policyDocument: document },
      {
        onSuccess: () => {
          notify({ type: "success", content: `Policy ${name} ${policyName ? "updated" : "created"}.` });
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
    <Wizard
      activeStepIndex={step}
      onNavigate={(e) => {
        if (e.detail.requestedStepIndex > step && policyHasErrors(document, "identity")) return setDocumentBlocked(true);
        setStep(e.detail.requestedStepIndex);
      }}
      onCancel={() => router.push(back)}
      onSubmit={submit}
      isLoadingNextStep={put.isPending}
      submitButtonText={policyName ? "Save changes" : "Create policy"}
      i18nStrings={WIZARD_STRINGS}
      steps={[
        {
          title: "Specify permissions",
          description: "Add permissions by writing the policy document in JSON. It is checked against IAM's policy grammar as you type.",
          errorText: documentBlocked ? <span data-testid="policy-errors-blocked">{RESOLVE_POLICY_ERRORS}</span> : undefined,
          content: (
            <PolicyEditorContainer quota="user" value={document} onChange={(v) => (setEdited(v), put.reset(), setDocumentBlocked(false))} />
          ),
        },
        {
          title: "Review and create",
          description: "Review the permissions in this policy before you create it.",
          errorText: error ? <span data-testid="inline-policy-error">{`${error.code}: ${error.message}`}</span> : undefined,
          content: (
            <SpaceBetween size="l">
              <Container header={<Header variant="h2">Policy details</Header>}>
                <PolicyNameField
                  value={name}
                  onChange={(v) => (setName(v), setTouched(true), put.reset())}
                  errorText={touched || name ? nameError : undefined}
                  disabled={!!policyName}
                />
              </Container>
              <Container header={<Header variant="h2">Policy document</Header>}>
                <pre style={{ margin: 0, maxHeight: 300, overflow: "auto", fontSize: 12 }}>{document}</pre>
              </Container>
            </SpaceBetween>
          ),
        },
      ]}
    />
  );
}
