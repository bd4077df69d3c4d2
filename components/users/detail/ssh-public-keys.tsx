"use client";

import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import KeyValuePairs from "@cloudscape-design/components/key-value-pairs";
import Modal from "@cloudscape-design/components/modal";
import SegmentedControl from "@cloudscape-design/components/segmented-control";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useState } from "react";
import { ApiErrorAlert } from "@/components/common/api-error-alert";
import { CopyText } from "@/components/common/copy-text";
import { useSshPublicKeyBody, type OtherCredentials } from "@/lib/queries/user-credentials";
import { dateTime } from "@/lib/format/time";
import { CredentialsTable, PrimaryButton, StatusCell } from "./credentials-table";
import { UploadCredentialModal } from "./upload-credential-modal";

const MAX_KEYS = 5;

/** "SSH public keys for AWS CodeCommit": upload, show (SSH or PEM encoding), activate or deactivate, delete. */
export function SshPublicKeys({ userName, data, loading }: { userName: string; data?: OtherCredentials; loading: boolean }) {
  const [uploading, setUploading] = useState(false);
  const [showing, setShowing] = useState<string>();
  const items = data?.sshPublicKeys ?? [];
  return (
    <>
      <CredentialsTable
        userName={userName}
        kind="ssh-public-keys"
        noun="SSH public key"
        title="SSH public keys for AWS CodeCommit"
        description={`Use SSH public keys to authenticate access to AWS CodeCommit repositories. You can have a maximum of ${MAX_KEYS} SSH public keys (active or inactive) at a time.`}
        testId="ssh-public-keys"
        items={items}
        loading={loading}
        empty="No SSH public keys"
        columns={[
          { id: "id", header: "SSH key ID", cell: (k) => k.id },
          { id: "uploaded", header: "Uploaded", cell: (k) => dateTime(k.uploadDate) },
          { id: "status", header: "Status", cell: (k) => <StatusCell status={k.status} /> },
        ]}
        extraActions={[{ id: "show", text: "Show SSH key", onClick: (k) => setShowing(k.id) }]}
        primary={
          <PrimaryButton
            label="Upload SSH public key"
            testId="upload-ssh-public-key"
            onClick={() => setUploading(true)}
            disabledReason={items.length >= MAX_KEYS ? `You can have a maximum of ${MAX_KEYS} SSH public keys.` : undefined}
          />
        }
      />
      {uploading && (
        <UploadCredentialModal
          userName={userName}
          kind="ssh-public-keys"
          title="Upload SSH public key"
          label="SSH public key"
          description="The key must be an RSA key of at least 2048 bits, in OpenSSH (ssh-rsa) or PEM format."
          placeholder="ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ..."
          noun="SSH public key"
          testId="ssh-key-upload"
          onClose={() => setUploading(false)}
        />
      )}
      {showing && <ShowSshKeyModal userName={userName} id={showing} onClose={() => setShowing(undefined)} />}
    </>
  );
}

function ShowSshKeyModal({ userName, id, onClose }: { userName: string; id: string; onClose: () => void }) {
  const [encoding, setEncoding] = useState<"SSH" | "PEM">("SSH");
  const key = useSshPublicKeyBody(userName, id, encoding);
  return (
    <Modal
      visible
      size="large"
      onDismiss={onClose}
      header={`SSH public key ${id}`}
      footer={
        <Box float="right">
          <Button onClick={onClose}>Close</Button>
        </Box>
      }
    >
      <SpaceBetween size="m">
        <SegmentedControl
          selectedId={encoding}
          onChange={(e) => setEncoding(e.detail.selectedId as "SSH" | "PEM")}
          label="Encoding"
          options={[
            { id: "SSH", text: "SSH" },
            { id: "PEM", text: "PEM" },
          ]}
        />
        {key.error && <ApiErrorAlert error={key.error} />}
        <KeyValuePairs
          columns={1}
          items={[
            { label: "Fingerprint (MD5)", value: key.data?.fingerprint ?? "-" },
            {
              label: "SSH public key",
              value: key.data ? <CopyText text={key.data.body} label="SSH public key" testId="ssh-key-body" /> : "-",
            },
          ]}
        />
      </SpaceBetween>
    </Modal>
  );
}
