"use client";

import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import CopyToClipboard from "@cloudscape-design/components/copy-to-clipboard";
import Header from "@cloudscape-design/components/header";
import KeyValuePairs from "@cloudscape-design/components/key-value-pairs";
import SpaceBetween from "@cloudscape-design/components/space-between";
import type { NewAccessKey } from "@/lib/queries/user-detail";
import { downloadCsv } from "@/components/common/download-csv";
import { SecretValue } from "./secret-value";

/** "Retrieve access keys": the only time the secret access key is shown; it lives in this component's memory only. */
export function RetrieveAccessKey({ userName, accessKey, onDone }: { userName: string; accessKey: NewAccessKey; onDone: () => void }) {
  return (
    <SpaceBetween size="l">
      <Header variant="h1">Retrieve access keys</Header>
      <Alert type="warning" header="Save the secret access key now" data-testid="secret-once">
        This is the only time that the secret access key can be viewed or downloaded. You cannot recover it later. However, you can create a
        new access key any time.
      </Alert>
      <Container header={<Header variant="h2">Access key</Header>}>
        <KeyValuePairs
          columns={2}
          items={[
            {
              label: "Access key",
              value: (
                <span data-testid="new-access-key-id">
                  <CopyToClipboard
                    variant="inline"
                    textToCopy={accessKey.accessKeyId}
                    copyButtonAriaLabel="Copy access key"
                    copySuccessText="Access key copied"
                    copyErrorText="Couldn't copy"
                  />
                </span>
              ),
            },
            {
              label: "Secret access key",
              value: <SecretValue value={accessKey.secretAccessKey} label="secret access key" testId="new-secret-access-key" />,
            },
          ]}
        />
      </Container>
      <Container header={<Header variant="h2">Access key best practices</Header>}>
        <ul style={{ margin: 0 }}>
          <li>Never store your access key in plain text, in a code repository, or in code.</li>
          <li>Disable or delete access keys when no longer needed.</li>
          <li>Enable least-privilege permissions.</li>
          <li>Rotate access keys regularly.</li>
        </ul>
      </Container>
      <Box float="right">
        <SpaceBetween direction="horizontal" size="xs">
          <Button
            iconName="download"
            data-testid="download-access-key-csv"
            onClick={() =>
              downloadCsv(
                `${userName}_accessKeys.csv`,
                ["Access key ID", "Secret access key"],
                [[accessKey.accessKeyId, accessKey.secretAccessKey]],
              )
            }
          >
            Download .csv file
          </Button>
          <Button variant="primary" onClick={onDone} data-testid="access-key-done">
            Done
          </Button>
        </SpaceBetween>
      </Box>
    </SpaceBetween>
  );
}
