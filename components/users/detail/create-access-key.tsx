"use client";

import Alert from "@cloudscape-design/components/alert";
import Checkbox from "@cloudscape-design/components/checkbox";
import Container from "@cloudscape-design/components/container";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Input from "@cloudscape-design/components/input";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Tiles from "@cloudscape-design/components/tiles";
import Wizard from "@cloudscape-design/components/wizard";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useDeferredModule } from "@/components/common/use-deferred-module";
import { WIZARD_STRINGS } from "@/components/common/wizard-strings";
import { useBreadcrumbs, useNotify } from "@/components/shell/shell-context";
import { useCreateAccessKey, type NewAccessKey } from "@/lib/queries/user-detail";
import { RetrieveAccessKey } from "./retrieve-access-key";
import { userHref } from "./user-href";

// The validation (zod) is fetched after the page: nothing is checked before the user acts.
const loadSchemas = () => import("@/lib/schemas/user-detail");

const USE_CASES = [
  {
    value: "cli",
    label: "Command Line Interface (CLI)",
    alternative: "Use AWS CloudShell, or the AWS CLI V2 with IAM Identity Center for short-term credentials.",
  },
  { value: "local", label: "Local code", alternative: "Use an IDE with the AWS Toolkit, which signs in with IAM Identity Center." },
  {
    value: "compute",
    label: "Application running on an AWS compute service",
    alternative: "Use an IAM role attached to the compute resource (EC2 instance profile, ECS task role, Lambda execution role).",
  },
  {
    value: "third-party",
    label: "Third-party service",
    alternative: "Use a role the third party assumes, with an external ID, instead of long-term keys.",
  },
  { value: "outside", label: "Application running outside AWS", alternative: "Use IAM Roles Anywhere for workloads outside AWS." },
  { value: "other", label: "Other", alternative: "Prefer temporary credentials from roles wherever the tool supports them." },
];

/** The console's "Create access key": best practices, an optional description tag, then the secret shown once. */
export function CreateAccessKey({ userName }: { userName: string }) {
  useBreadcrumbs([{ text: "Users", href: "/users" }, { text: userName, href: userHref(userName) }, { text: "Create access key" }]);
  const router = useRouter();
  const notify = useNotify();
  const create = useCreateAccessKey(userName);
  const [step, setStep] = useState(0);
  const [useCase, setUseCase] = useState("cli");
  const [understood, setUnderstood] = useState(false);
  const [stepError, setStepError] = useState<string>();
  const [description, setDescription] = useState("");
  const [created, setCreated] = useState<NewAccessKey>();
  const schemas = useDeferredModule(loadSchemas);
  const descriptionError = schemas?.createAccessKeySchema.safeParse({ description }).error?.issues[0]?.message;
  const back = userHref(userName, "?section=security_credentials");
  const error = create.error as (Error & { code?: string }) | null;

  if (created)
    return <RetrieveAccessKey userName={userName} accessKey={created} onDone={() => (setCreated(undefined), router.push(back))} />;

  return (
    <Wizard
      activeStepIndex={step}
      onNavigate={(e) => {
        if (e.detail.requestedStepIndex > 0 && !understood)
          return setStepError("Confirm that you understand the recommendation before you continue.");
        setStepError(undefined);
        setStep(e.detail.requestedStepIndex);
      }}
      onCancel={() => router.push(back)}
      onSubmit={async () => {
        const { createAccessKeySchema } = await loadSchemas();
        if (createAccessKeySchema.safeParse({ description }).success)
          create.mutate(
            { description: description.trim() || undefined },
            {
              onSuccess: (k) => (
                notify({ type: "success", content: `Access key ${k.accessKeyId} created for ${userName}.` }),
                setCreated(k)
              ),
            },
          );
      }}
      isLoadingNextStep={create.isPending}
      submitButtonText="Create access key"
      i18nStrings={WIZARD_STRINGS}
      steps={[
        {
          title: "Access key best practices & alternatives",
          description:
            "Avoid using long-term credentials like access keys to improve your security. Consider the alternatives for your use case.",
          errorText: stepError,
          content: (
            <SpaceBetween size="l">
              <Container header={<Header variant="h2">Use case</Header>}>
                <Tiles
                  value={useCase}
                  onChange={(e) => setUseCase(e.detail.value)}
                  columns={2}
                  items={USE_CASES.map(({ value, label }) => ({ value, label }))}
                />
              </Container>
              <Alert type="info" header="Alternative recommended">
                {USE_CASES.find((u) => u.value === useCase)?.alternative}
              </Alert>
              <Checkbox
                checked={understood}
                onChange={(e) => (setUnderstood(e.detail.checked), setStepError(undefined))}
                data-testid="access-key-understood"
              >
                I understand the above recommendation and want to proceed to create an access key.
              </Checkbox>
            </SpaceBetween>
          ),
        },
        {
          title: "Set description tag",
          isOptional: true,
          description: "The description for this access key is attached to this user as a tag and shown alongside the access key.",
          errorText: error ? `${error.code ?? "Error"}: ${error.message}` : undefined,
          content: (
            <Container header={<Header variant="h2">Set description tag</Header>}>
              <FormField
                label="Description tag value"
                description="Describe the purpose of this access key and where it will be used. A good description will help you rotate this access key confidently later."
                constraintText="Maximum 256 characters. Allowed characters are letters, numbers, spaces representable in UTF-8, and: _ . : / = + - @"
                errorText={descriptionError}
              >
                <Input
                  value={description}
                  onChange={(e) => (setDescription(e.detail.value), create.reset())}
                  ariaLabel="Description tag value"
                  data-testid="access-key-description"
                />
              </FormField>
            </Container>
          ),
        },
      ]}
    />
  );
}
