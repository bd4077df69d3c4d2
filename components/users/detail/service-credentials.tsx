"use client";

import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import KeyValuePairs from "@cloudscape-design/components/key-value-pairs";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useState } from "react";
import { ApiErrorAlert } from "@/components/common/api-error-alert";
import { CopyText } from "@/components/common/copy-text";
import { useNotify } from "@/components/shell/shell-context";
import {
  useCreateServiceCredential,
  useResetServiceCredential,
  type NewServiceCredential,
  type OtherCredentials,
} from "@/lib/queries/user-credentials";
import type { CredentialService } from "@/lib/schemas/user-credentials";
import { dateTime } from "@/lib/format/time";
import { CredentialsTable, PrimaryButton, StatusCell } from "./credentials-table";
import { SecretValue } from "./secret-value";

const MAX_PER_SERVICE = 2;

/** The two sections AWS's console shows for service-specific credentials, in its words. */
const SECTIONS: Record<CredentialService, { title: string; description: string; testId: string }> = {
  "codecommit.amazonaws.com": {
    title: "HTTPS Git credentials for AWS CodeCommit",
    description: `Generate a user name and password you can use to authenticate HTTPS connections to AWS CodeCommit repositories. You can generate Git credentials for AWS CodeCommit for up to ${MAX_PER_SERVICE} users (active or inactive) at a time.`,
    testId: "codecommit-credentials",
  },
  "cassandra.amazonaws.com": {
    title: "Credentials for Amazon Keyspaces (for Apache Cassandra)",
    description: `Generate a user name and password you can use to authenticate to Amazon Keyspaces. You can generate credentials for Amazon Keyspaces for up to ${MAX_PER_SERVICE} users (active or inactive) at a time.`,
    testId: "keyspaces-credentials",
  },
};

type Props = { userName: string; serviceName: CredentialService; data?: OtherCredentials; loading: boolean };

/** Generate credentials (the password is shown once), reset the password, activate or deactivate, delete. */
export function ServiceCredentials({ userName, serviceName, data, loading }: Props) {
  const notify = useNotify();
  const create = useCreateServiceCredential(userName);
  const reset = useResetServiceCredential(userName);
  const [shown, setShown] = useState<NewServiceCredential>();
  const section = SECTIONS[serviceName];
  const items = (data?.serviceCredentials ?? []).filter((c) => c.serviceName === serviceName);
  const done = (c: NewServiceCredential) => (setShown(c), notify({ type: "success", content: `Credentials ${c.id} generated.` }));
  const error = create.error ?? reset.error;

  return (
    <SpaceBetween size="s">
      {error && <ApiErrorAlert error={error} />}
      <CredentialsTable
        userName={userName}
        kind="service-credentials"
        noun="Credential"
        title={section.title}
        description={section.description}
        testId={section.testId}
        items={items}
        loading={loading}
        empty="No credentials"
        columns={[
          { id: "user", header: "User name", cell: (c) => c.serviceUserName ?? "-" },
          { id: "id", header: "Credential ID", cell: (c) => c.id },
          { id: "created", header: "Created", cell: (c) => dateTime(c.createDate) },
          { id: "status", header: "Status", cell: (c) => <StatusCell status={c.status} /> },
        ]}
        extraActions={[{ id: "reset", text: "Reset password", onClick: (c) => reset.mutate(c.id, { onSuccess: done }) }]}
        primary={
          <PrimaryButton
            label="Generate credentials"
            testId={`${section.testId}-generate`}
            onClick={() => create.mutate(serviceName, { onSuccess: done })}
            disabledReason={items.length >= MAX_PER_SERVICE ? `You can have a maximum of ${MAX_PER_SERVICE} credentials.` : undefined}
          />
        }
      />
      {shown && <NewCredentialModal credential={shown} onClose={() => setShown(undefined)} />}
    </SpaceBetween>
  );
}

function NewCredentialModal({ credential: c, onClose }: { credential: NewServiceCredential; onClose: () => void }) {
  return (
    <Modal
      visible
      onDismiss={onClose}
      header="Credentials generated"
      footer={
        <Box float="right">
          <Button variant="primary" onClick={onClose} data-testid="service-credential-close">
            Close
          </Button>
        </Box>
      }
    >
      <SpaceBetween size="m">
        <Alert type="warning">
          This is the only time that the password can be viewed or downloaded. You cannot recover it later. However, you can reset your
          password at any time.
        </Alert>
        <KeyValuePairs
          columns={1}
          items={[
            { label: "User name", value: <CopyText text={c.serviceUserName} label="User name" testId="service-credential-user" /> },
            { label: "Password", value: <SecretValue value={c.password} label="Password" testId="service-credential-password" /> },
          ]}
        />
      </SpaceBetween>
    </Modal>
  );
}
