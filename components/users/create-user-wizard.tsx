"use client";

import Wizard from "@cloudscape-design/components/wizard";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { WIZARD_STRINGS } from "@/components/common/wizard-strings";
import { useBreadcrumbs, useNotify } from "@/components/shell/shell-context";
import { ApiError } from "@/lib/queries/api";
import { usePasswordPolicy } from "@/lib/queries/account";
import { usePermissionsToCopy } from "@/lib/queries/users-create";
import { useCreateUser, type CreatedUser } from "@/lib/queries/users-mutations";
import { detailsErrors, emptyDraft, passwordRules, permissionsErrors, plan, toCreateInput, type UserDraft } from "./create/draft";
import { PermissionsStep } from "./create/permissions-step";
import { RetrievePassword } from "./create/retrieve-password";
import { ReviewStep } from "./create/review-step";
import { UserDetailsStep } from "./create/user-details-step";
import { userHref } from "./detail/user-href";
import { useOrigin } from "@/components/common/use-origin";

/** The AWS console's "Create user" wizard: user details, permissions, review (with tags), then the password once. */
export function CreateUserWizard() {
  useBreadcrumbs([{ text: "Users", href: "/users" }, { text: "Create user" }]);
  const router = useRouter();
  const notify = useNotify();
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<UserDraft>(emptyDraft);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [stepError, setStepError] = useState<string>();
  const [created, setCreated] = useState<CreatedUser & { password: string }>();
  const origin = useOrigin();
  const hydrated = origin !== "";
  const policyQuery = usePasswordPolicy();
  // An unreadable policy (e.g. AccessDenied) falls back to AWS's default rules; AWS has the last word on Create.
  const policySource = policyQuery.isSuccess ? policyQuery.data.policy : policyQuery.isError ? null : undefined;
  const policy = useMemo(() => passwordRules(policySource), [policySource]);
  const copy = usePermissionsToCopy(draft.permissionsOption === "copy" ? draft.copyFrom : undefined);
  const create = useCreateUser();
  const serverError = create.error instanceof ApiError ? create.error : undefined;

  const update = (patch: Partial<UserDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setTouched((t) => ({ ...t, ...Object.fromEntries(Object.keys(patch).map((k) => [k, true])) }));
    setStepError(undefined);
    if (create.isError) create.reset();
  };

  const errors = detailsErrors(draft, policy ?? null);
  const shownErrors = {
    userName: touched.userName || touched.submitted ? errors.userName : undefined,
    "consoleAccess.password": draft.password || touched.submitted ? errors["consoleAccess.password"] : undefined,
    ...serverError?.fieldErrors,
  };
  const applied = useMemo(() => plan(draft, copy.data, policy), [draft, copy.data, policy]);

  function navigate(target: number, reason: string) {
    if (reason === "next" || target > step) {
      if (step === 0 && Object.keys(errors).length) return setTouched((t) => ({ ...t, submitted: true }));
      const permsError = step === 1 ? permissionsErrors(draft, copy.data) : undefined;
      if (permsError) return setStepError(permsError);
    }
    setStepError(undefined);
    setStep(target);
  }

  function submit() {
    if (Object.keys(errors).length) {
      setTouched((t) => ({ ...t, submitted: true }));
      return setStep(0);
    }
    create.mutate(toCreateInput(draft, applied), {
      onSuccess: (r) => {
        if (r.consoleAccess) return setCreated({ ...r, password: r.consoleAccess.password });
        notify({
          type: "success",
          content: `User ${r.user.userName} created successfully.`,
          buttonText: "View user",
          onButtonClick: () => router.push(userHref(r.user.userName)),
        });
        router.push("/users");
      },
    });
  }

  if (created) {
    return (
      <RetrievePassword
        userName={created.user.userName}
        password={created.password}
        signInUrl={`${origin}/signin?account=${created.accountId}`}
        onDone={() => {
          setCreated(undefined);
          router.push("/users");
        }}
      />
    );
  }

  const awsError = serverError && <span data-testid="create-error">{serverError.message}</span>;

  return (
    <div data-hydrated={hydrated || undefined}>
      <Wizard
        activeStepIndex={step}
        onNavigate={(e) => navigate(e.detail.requestedStepIndex, e.detail.reason)}
        onCancel={() => router.push("/users")}
        onSubmit={submit}
        isLoadingNextStep={create.isPending}
        submitButtonText="Create user"
        i18nStrings={WIZARD_STRINGS}
        steps={[
          {
            title: "Specify user details",
            content: <UserDetailsStep draft={draft} update={update} errors={shownErrors} policy={policy} />,
          },
          {
            title: "Set permissions",
            content: <PermissionsStep draft={draft} update={update} copied={copy.data} copyError={copy.error} />,
            errorText: stepError,
          },
          {
            title: "Review and create",
            description:
              "Review your choices. After you create the user, you can view and download the autogenerated password, if enabled.",
            content: <ReviewStep draft={draft} plan={applied} update={update} onEdit={(s) => setStep(s)} />,
            errorText: awsError,
          },
        ]}
      />
    </div>
  );
}
