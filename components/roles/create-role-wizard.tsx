"use client";

import Wizard from "@cloudscape-design/components/wizard";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { policyHasErrors, RESOLVE_POLICY_ERRORS } from "@/components/common/policy-errors";
import { WIZARD_STRINGS } from "@/components/common/wizard-strings";
import type { TagDraft } from "@/lib/schemas/iam";
import { useBreadcrumbs, useNotify } from "@/components/shell/shell-context";
import { ApiError } from "@/lib/queries/api";
import { useCreateRole } from "@/lib/queries/roles";
import { tagsSchema } from "@/lib/schemas/iam";
import { findUseCase } from "./trust-catalogue";
import { buildTrustPolicy, trustFormErrors, trustFormForProvider, type TrustForm } from "./trust-form";
import { PermissionsStep, type PermissionsDraft } from "./permissions-step";
import { ReviewStep } from "./review-step";
import { roleDetailsErrors } from "./role-details-errors";
import type { RoleDetailsDraft } from "./role-details-form";
import { TrustedEntityStep } from "./trusted-entity-step";
import { roleHref } from "./role-href";

/** "Create role", as the AWS console's three-step wizard. */
export function CreateRoleWizard({ thisAccountId, providerArn }: { thisAccountId: string; providerArn?: string }) {
  useBreadcrumbs([{ text: "Roles", href: "/roles" }, { text: "Create role" }]);
  const router = useRouter();
  const notify = useNotify();
  const create = useCreateRole();
  const [step, setStep] = useState(0);
  const [attempted, setAttempted] = useState<boolean[]>([false, false, false]);
  const [trust, setTrust] = useState<TrustForm>(() => trustFormForProvider(providerArn));
  const [permissions, setPermissions] = useState<PermissionsDraft>({ policyArns: [], useBoundary: false });
  const [details, setDetails] = useState<RoleDetailsDraft>({ roleName: "", description: "", maxSessionDuration: 3600 });
  const [tags, setTags] = useState<TagDraft[]>([]);
  const [createError, setCreateError] = useState<ApiError>();
  // A custom trust policy with errors goes no further than step 1, as in AWS's console.
  const [trustBlocked, setTrustBlocked] = useState(false);
  const customTrustHasErrors = () => trust.type === "custom" && policyHasErrors(trust.customPolicy, "trust");

  const trustPolicy = useMemo(() => buildTrustPolicy(trust, thisAccountId), [trust, thisAccountId]);
  const trustErrors = trustFormErrors(trust);
  const boundaryError =
    permissions.useBoundary && !permissions.boundaryArn ? "Choose a policy to use as the permissions boundary." : undefined;
  const serverField =
    createError?.code === "EntityAlreadyExists" && /^Role with name/.test(createError.message)
      ? createError.message
      : createError?.fieldErrors?.roleName;
  const detailErrors = roleDetailsErrors(details, attempted[2], serverField);
  const tagsValid = tagsSchema.safeParse(tags.filter((t) => t.Key || t.Value)).success;
  const stepValid = [
    Object.keys(trustErrors).length === 0,
    !boundaryError,
    Object.keys(roleDetailsErrors(details, true)).length === 0 && tagsValid,
  ];

  const typed = (field: keyof TrustForm) => typeof trust[field] === "string" && (trust[field] as string).length > 0;
  const trustError = (field: keyof TrustForm) =>
    field === "customPolicy" && trustBlocked ? RESOLVE_POLICY_ERRORS : attempted[0] || typed(field) ? trustErrors[field] : undefined;
  const attempt = (i: number) => setAttempted((a) => a.map((v, j) => v || j === i));

  const submit = () => {
    attempt(2);
    if (customTrustHasErrors()) return (setTrustBlocked(true), setStep(0));
    if (!stepValid.every(Boolean)) return;
    setCreateError(undefined);
    const useCase = trust.type === "service" ? findUseCase(trust.service, trust.useCase) : undefined;
    create.mutate(
      {
        roleName: details.roleName,
        description: details.description || undefined,
        assumeRolePolicyDocument: trustPolicy,
        maxSessionDuration: details.maxSessionDuration,
        permissionsBoundary: permissions.useBoundary ? permissions.boundaryArn : undefined,
        policyArns: permissions.policyArns,
        tags: tags.filter((t) => t.Key || t.Value),
        instanceProfile: !!useCase?.instanceProfile,
      },
      {
        onSuccess: (role) => {
          notify({
            type: "success",
            content: `Role ${role.roleName} created.`,
            buttonText: "View role",
            onButtonClick: () => router.push(roleHref(role.roleName)),
          });
          router.push("/roles");
        },
        onError: (err) => setCreateError(err instanceof ApiError ? err : new ApiError("Error", err.message, 500)),
      },
    );
  };

  return (
    <Wizard
      i18nStrings={WIZARD_STRINGS}
      submitButtonText="Create role"
      activeStepIndex={step}
      isLoadingNextStep={create.isPending}
      onCancel={() => router.push("/roles")}
      onSubmit={submit}
      onNavigate={(e) => {
        const target = e.detail.requestedStepIndex;
        if (target > step) {
          attempt(step);
          if (!stepValid.slice(0, target).every(Boolean)) return;
          if (customTrustHasErrors()) return setTrustBlocked(true);
        }
        setStep(target);
      }}
      steps={[
        {
          title: "Select trusted entity",
          content: (
            <TrustedEntityStep
              form={trust}
              onChange={(p) => {
                if (p.customPolicy !== undefined) setTrustBlocked(false);
                setTrust((t) => ({ ...t, ...p }));
              }}
              error={trustError}
              thisAccountId={thisAccountId}
              trustPolicy={trustPolicy}
            />
          ),
        },
        {
          title: "Add permissions",
          content: (
            <PermissionsStep value={permissions} onChange={setPermissions} boundaryError={attempted[1] ? boundaryError : undefined} />
          ),
        },
        {
          title: "Name, review, and create",
          content: (
            <ReviewStep
              details={details}
              onDetailsChange={(d) => {
                if (d.roleName !== details.roleName && serverField) setCreateError(undefined);
                setDetails(d);
              }}
              detailErrors={detailErrors}
              trustPolicy={trustPolicy}
              permissions={permissions}
              tags={tags}
              onTagsChange={setTags}
              createError={createError && !serverField ? createError : undefined}
              onEditStep={setStep}
            />
          ),
        },
      ]}
    />
  );
}
