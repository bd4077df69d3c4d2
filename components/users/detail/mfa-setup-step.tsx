"use client";

import Box from "@cloudscape-design/components/box";
import Container from "@cloudscape-design/components/container";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Input from "@cloudscape-design/components/input";
import Link from "@cloudscape-design/components/link";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useState } from "react";
import type { NewVirtualMfaDevice } from "@/lib/queries/user-detail";

type Codes = { code1: string; code2: string };

const codeError = (v: string, which: string) => (v && !/^\d{6}$/.test(v) ? `Enter the 6-digit ${which} MFA code.` : undefined);

/** Step 2 of assigning an authenticator app: the QR code or the secret key, then two consecutive codes. */
export function MfaSetupStep({ device, codes, onCodes }: { device: NewVirtualMfaDevice; codes: Codes; onCodes: (c: Codes) => void }) {
  const [showQr, setShowQr] = useState(false);
  const [showSecret, setShowSecret] = useState(false);
  return (
    <Container header={<Header variant="h2">Authenticator app</Header>}>
      <SpaceBetween size="l">
        <Box>
          <b>1.</b> Install a compatible application such as Google Authenticator, Duo Mobile, or Authy app on your mobile device or
          computer.
        </Box>
        <SpaceBetween size="xs">
          <Box>
            <b>2.</b> Open your authenticator app, choose <b>Show QR code</b> on this page, then use the app to scan the code.
            Alternatively, you can type a secret key.{" "}
            <Link onFollow={() => setShowSecret((s) => !s)} data-testid="show-secret-key">
              {showSecret ? "Hide secret key" : "Show secret key"}
            </Link>
          </Box>
          <div
            style={{
              width: 220,
              height: 220,
              border: "1px solid #c6c6cd",
              borderRadius: 8,
              display: "flex",
              alignItems: "center",
              justifyContent: "center",
            }}
          >
            {showQr ? (
              // eslint-disable-next-line @next/next/no-img-element
              <img src={device.qrCodePng} alt="QR code for the virtual MFA device" width={200} height={200} data-testid="mfa-qr-code" />
            ) : (
              <Link onFollow={() => setShowQr(true)} data-testid="show-qr-code">
                Show QR code
              </Link>
            )}
          </div>
          {showSecret && (
            <Box variant="code" data-testid="mfa-secret-key">
              {device.base32StringSeed}
            </Box>
          )}
        </SpaceBetween>
        <SpaceBetween size="s">
          <Box>
            <b>3.</b> Type two consecutive MFA codes below.
          </Box>
          <FormField label="MFA code 1" errorText={codeError(codes.code1, "first")} constraintText="Enter a code displayed on your device.">
            <Input
              value={codes.code1}
              inputMode="numeric"
              onChange={(e) => onCodes({ ...codes, code1: e.detail.value.trim() })}
              ariaLabel="MFA code 1"
              data-testid="mfa-code-1"
            />
          </FormField>
          <FormField
            label="MFA code 2"
            errorText={codeError(codes.code2, "second")}
            constraintText="Wait 30 seconds, and enter a second code entry."
          >
            <Input
              value={codes.code2}
              inputMode="numeric"
              onChange={(e) => onCodes({ ...codes, code2: e.detail.value.trim() })}
              ariaLabel="MFA code 2"
              data-testid="mfa-code-2"
            />
          </FormField>
        </SpaceBetween>
      </SpaceBetween>
    </Container>
  );
}
