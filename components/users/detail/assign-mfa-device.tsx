"use client";

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
import { ApiError } from "@/lib/queries/api";
import {
  useCreateVirtualMfaDevice,
  useDeleteVirtualMfaDevice,
  useEnableMfaDevice,
  type NewVirtualMfaDevice,
} from "@/lib/queries/user-detail";
import { MfaSetupStep } from "./mfa-setup-step";
import { userHref } from "./user-href";

// The validation (zod) is fetched after the page: nothing is checked before the user acts.
const loadSchemas = () => import("@/lib/schemas/user-detail");

/**
 * "Assign MFA device" (authenticator app): CreateVirtualMFADevice when leaving step 1, then EnableMFADevice with two
 * consecutive codes. A device created but never enabled is deleted again when the user goes back or cancels.
 */
export function AssignMfaDevice({ userName }: { userName: string }) {
  useBreadcrumbs([{ text: "Users", href: "/users" }, { text: userName, href: userHref(userName) }, { text: "Assign MFA device" }]);
  const router = useRouter();
  const notify = useNotify();
  const create = useCreateVirtualMfaDevice(userName);
  const discard = useDeleteVirtualMfaDevice(userName);
  const enable = useEnableMfaDevice(userName);
  const [step, setStep] = useState(0);
  const [name, setName] = useState("");
  const [touched, setTouched] = useState(false);
  const [device, setDevice] = useState<NewVirtualMfaDevice>();
  const [codes, setCodes] = useState({ code1: "", code2: "" });
  const back = userHref(userName, "?section=security_credentials");
  const schemas = useDeferredModule(loadSchemas);
  const nameError = schemas?.mfaDeviceNameSchema.safeParse(name).error?.issues[0]?.message;
  const createError = create.error instanceof ApiError ? create.error : undefined;

  const dropDevice = () => {
    if (device) discard.mutate(device.serialNumber);
    setDevice(undefined);
    setCodes({ code1: "", code2: "" });
    enable.reset();
  };

  const next = async () => {
    setTouched(true);
    const { mfaDeviceNameSchema } = await loadSchemas();
    if (!mfaDeviceNameSchema.safeParse(name).success) return;
    create.mutate(name, { onSuccess: (d) => (setDevice(d), setStep(1)) });
  };

  const submit = () =>
    device &&
    enable.mutate(
      { serialNumber: device.serialNumber, authenticationCode1: codes.code1, authenticationCode2: codes.code2 },
      {
        onSuccess: () => {
          notify({ type: "success", content: `MFA device assigned to ${userName}. The user must sign in with it from now on.` });
          router.push(back);
        },
      },
    );

  return (
    <Wizard
      activeStepIndex={step}
      onNavigate={(e) => {
        if (e.detail.requestedStepIndex === 1) return next();
        dropDevice();
        setStep(0);
      }}
      onCancel={() => (dropDevice(), router.push(back))}
      onSubmit={submit}
      isLoadingNextStep={create.isPending || enable.isPending}
      submitButtonText="Add MFA"
      i18nStrings={WIZARD_STRINGS}
      steps={[
        {
          title: "Select MFA device",
          description: "Choose the type of MFA device to assign to this user. Each user can have up to 8 MFA devices.",
          errorText: createError && createError.code !== "EntityAlreadyExists" ? `${createError.code}: ${createError.message}` : undefined,
          content: (
            <SpaceBetween size="l">
              <Container header={<Header variant="h2">MFA device name</Header>}>
                <FormField
                  label="Device name"
                  description="Enter a meaningful name to identify this device."
                  constraintText="Use alphanumeric and '+=,.@-_' characters. Device names are unique in the account."
                  errorText={
                    (touched || name ? nameError : undefined) ??
                    (createError?.code === "EntityAlreadyExists" ? createError.message : undefined)
                  }
                  data-testid="mfa-device-name-field"
                >
                  <Input
                    value={name}
                    onChange={(e) => (setName(e.detail.value), setTouched(true), create.reset())}
                    ariaLabel="Device name"
                    data-testid="mfa-device-name"
                  />
                </FormField>
              </Container>
              <Container header={<Header variant="h2">MFA device</Header>}>
                <Tiles
                  value="virtual"
                  columns={3}
                  items={[
                    {
                      value: "passkey",
                      label: "Passkey or security key",
                      description: "Not available: local-aws supports authenticator apps only.",
                      disabled: true,
                    },
                    {
                      value: "virtual",
                      label: "Authenticator app",
                      description: "Authenticate using a code generated by an app installed on your mobile device or computer.",
                    },
                    {
                      value: "hardware",
                      label: "Hardware TOTP token",
                      description: "Not available: local-aws supports authenticator apps only.",
                      disabled: true,
                    },
                  ]}
                />
              </Container>
            </SpaceBetween>
          ),
        },
        {
          title: "Set up device",
          errorText: enable.error ? `${(enable.error as ApiError).code ?? "Error"}: ${enable.error.message}` : undefined,
          content: device ? <MfaSetupStep device={device} codes={codes} onCodes={(c) => (setCodes(c), enable.reset())} /> : null,
        },
      ]}
    />
  );
}
