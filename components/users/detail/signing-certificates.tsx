"use client";

import { useState } from "react";
import type { OtherCredentials } from "@/lib/queries/user-credentials";
import { dateTime } from "@/lib/format/time";
import { CredentialsTable, PrimaryButton, StatusCell } from "./credentials-table";
import { UploadCredentialModal } from "./upload-credential-modal";

const MAX_CERTIFICATES = 2;

/** "X.509 signing certificates": upload a PEM certificate, activate or deactivate it, delete it. */
export function SigningCertificates({ userName, data, loading }: { userName: string; data?: OtherCredentials; loading: boolean }) {
  const [uploading, setUploading] = useState(false);
  const items = data?.signingCertificates ?? [];
  return (
    <>
      <CredentialsTable
        userName={userName}
        kind="signing-certificates"
        noun="X.509 certificate"
        title="X.509 signing certificates"
        description={`Use X.509 certificates to make secure SOAP-protocol requests to some AWS services. You can have a maximum of ${MAX_CERTIFICATES} X.509 certificates (active or inactive) at a time.`}
        testId="signing-certificates"
        items={items}
        loading={loading}
        empty="No X.509 certificates"
        columns={[
          { id: "id", header: "Certificate ID", cell: (c) => c.id },
          { id: "uploaded", header: "Uploaded", cell: (c) => dateTime(c.uploadDate) },
          { id: "status", header: "Status", cell: (c) => <StatusCell status={c.status} /> },
        ]}
        primary={
          <PrimaryButton
            label="Upload X.509 certificate"
            testId="upload-signing-certificate"
            onClick={() => setUploading(true)}
            disabledReason={
              items.length >= MAX_CERTIFICATES ? `You can have a maximum of ${MAX_CERTIFICATES} X.509 certificates.` : undefined
            }
          />
        }
      />
      {uploading && (
        <UploadCredentialModal
          userName={userName}
          kind="signing-certificates"
          title="Upload X.509 certificate"
          label="Certificate body"
          description="The certificate must be PEM-encoded, currently valid, and use an RSA key."
          placeholder={"-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----"}
          noun="X.509 certificate"
          testId="certificate-upload"
          onClose={() => setUploading(false)}
        />
      )}
    </>
  );
}
