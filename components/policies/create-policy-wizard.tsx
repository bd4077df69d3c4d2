"use client";

import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import Wizard from "@cloudscape-design/components/wizard";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { policyHasErrors, RESOLVE_POLICY_ERRORS } from "@/components/common/policy-errors";
import { WIZARD_STRINGS } from "@/components/common/wizard-strings";
import { PolicyEditor } from "@/components/policy-editor/policy-editor";
import { PolicyStartActions } from "@/components/policy-editor/policy-start-actions";
import { useBreadcrumbs, useNotify } from "@/components/shell/shell-context";
import { ApiError } from "@/lib/queries/api";
import { policyHref } from "@/lib/queries/policies";
import { useCreatePolicy } from "@/lib/queries/policy-mutations";
import { policyNameSchema, tagsSchema } from "@/lib/schemas/iam";
import { policyDescriptionSchema } from "@/lib/schemas/policies";
import { CreatePolicyReviewStep, type PolicyDetailsDraft } from "./create-policy-review-step";
import { POLICY_TEMPLATE } from "./policy-template";

const hasErrors = (document: string) => policyHasErrors(document, "identity", { managed: true });

const firstError = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? undefined : r.error?.issues[0]?.message;

/** "Create policy", as the AWS console's two steps: the JSON policy editor, then review (name, description, tags). */
export function CreatePolicyWizard() {
  useBreadcrumbs([{ text: "Policies", href: "/policies" }, { text: "Create policy" }]);
  const router = useRouter();
  const notify = useNotify();
  const create = useCreatePolicy();
  const [step, setStep] = useState(0);
  const [document, setDocument] = useState(POLICY_TEMPLATE);
  const [draft, setDraft] = useState<PolicyDetailsDraft>({ policyName: "", description: "", tags: [] });
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<ApiError>();
  // As in AWS's console, a policy with errors goes no further than the editor; they stay listed under it.
  const [documentBlocked, setDocumentBlocked] = useState(false);

  const serverNameError = error?.fieldErrors?.policyName;
  const errors = {
    policyName: (touched ? firstError(policyNameSchema.safeParse(draft.policyName)) : undefined) ?? serverNameError,
    description: firstError(policyDescriptionSchema.safeParse(draft.description)),
  };
  const tags = draft.tags.filter((t) => t.Key || t.Value);
  const valid = !firstError(policyNameSchema.safeParse(draft.policyName)) && !errors.description && tagsSchema.safeParse(tags).success;

  const submit = () => {
    setTouched(true);
    if (hasErrors(document)) return (setDocumentBlocked(true), setStep(0));
    if (!valid) return;
    setError(undefined);
    create.mutate(
      { policyName: draft.policyName, description: draft.description || undefined, policyDocument: document, tags },
      {
        onSuccess: (policy) => {
          notify({
            type: "success",
            content: `Policy ${policy.policyName} created.`,
            action: <Button onClick={() => router.push(policyHref(policy.arn))}>View policy</Button>,
          });
          router.push("/policies");
        },
        onError: (err) => setError(err instanceof ApiError ? err : new ApiError("Error", err.message, 500)),
      },
    );
  };

  // A document error (MalformedPolicyDocument, PolicySize) is about the text it was given, not the text now.
  const changeDocument = (text: string) => {
    setDocument(text);
    setDocumentBlocked(false);
    if (error && !serverNameError) setError(undefined);
  };

  const stepError = error && !serverNameError ? `${error.code}: ${error.message}` : undefined;

  return (
    <Wizard
      i18nStrings={WIZARD_STRINGS}
      submitButtonText="Create policy"
      activeStepIndex={step}
      onNavigate={(e) => {
        if (e.detail.requestedStepIndex > step && hasErrors(document)) return setDocumentBlocked(true);
        setStep(e.detail.requestedStepIndex);
      }}
      onCancel={() => router.push("/policies")}
      onSubmit={submit}
      isLoadingNextStep={create.isPending}
      steps={[
        {
          title: "Specify permissions",
          description: "Add permissions by specifying actions, resources, and conditions in the JSON policy editor.",
          errorText: documentBlocked ? <span data-testid="policy-errors-blocked">{RESOLVE_POLICY_ERRORS}</span> : undefined,
          content: (
            <Container
              header={
                <Header variant="h2" actions={<PolicyStartActions kind="identity" importable onLoad={changeDocument} />}>
                  Policy editor
                </Header>
              }
            >
              <PolicyEditor value={document} onChange={changeDocument} kind="identity" managed testable height={420} />
            </Container>
          ),
        },
        {
          title: "Review and create",
          description: "Review the permissions, specify details, and tags.",
          errorText: stepError,
          content: (
            <CreatePolicyReviewStep
              draft={draft}
              document={document}
              errors={errors}
              onChange={(next) => {
                if (next.policyName !== draft.policyName) {
                  setTouched(true);
                  if (serverNameError) setError(undefined);
                }
                setDraft(next);
              }}
            />
          ),
        },
      ]}
    />
  );
}
