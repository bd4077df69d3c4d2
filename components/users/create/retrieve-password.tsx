"use client";

import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import CopyToClipboard from "@cloudscape-design/components/copy-to-clipboard";
import Header from "@cloudscape-design/components/header";
import KeyValuePairs from "@cloudscape-design/components/key-value-pairs";
import Link from "@cloudscape-design/components/link";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useState } from "react";
import { downloadCredentialsCsv } from "@/components/common/download-csv";

type Props = { userName: string; password: string; signInUrl: string; onDone: () => void };

/** "Retrieve password": the only time the console shows the new user's password; it is kept in memory, nowhere else. */
export function RetrievePassword({ userName, password, signInUrl, onDone }: Props) {
  const [shown, setShown] = useState(false);
  const mail = `mailto:?subject=${encodeURIComponent("Your AWS Management Console sign-in details")}&body=${encodeURIComponent(
    `Hello,\n\nYou can sign in to the AWS Management Console with:\n\nConsole sign-in URL: ${signInUrl}\nUser name: ${userName}\n\nYour administrator will give you your password separately.`,
  )}`;
  return (
    <SpaceBetween size="l">
      <Header
        variant="h1"
        description="You can view and download the user's password below or email users instructions for signing in to the AWS Management Console. This is the only time you can view and download this password."
      >
        Retrieve password
      </Header>
      <Alert type="success" header="User created successfully">
        You can view and download the user&apos;s password and email instructions for signing in to the AWS Management Console.
      </Alert>
      <Container
        header={
          <Header
            variant="h2"
            actions={
              <Button href={mail} iconName="envelope">
                Email sign-in instructions
              </Button>
            }
          >
            Console sign-in details
          </Header>
        }
      >
        <KeyValuePairs
          columns={3}
          items={[
            {
              label: "Console sign-in URL",
              value: (
                <CopyToClipboard
                  variant="inline"
                  textToCopy={signInUrl}
                  copySuccessText="Sign-in URL copied"
                  copyErrorText="Couldn't copy"
                />
              ),
            },
            {
              label: "User name",
              value: (
                <CopyToClipboard variant="inline" textToCopy={userName} copySuccessText="User name copied" copyErrorText="Couldn't copy" />
              ),
            },
            {
              label: "Console password",
              value: (
                <SpaceBetween direction="horizontal" size="xs">
                  <Box variant="code" data-testid="console-password">
                    {shown ? password : "*******"}
                  </Box>
                  <Link onFollow={() => setShown((s) => !s)} data-testid="toggle-password">
                    {shown ? "Hide" : "Show"}
                  </Link>
                </SpaceBetween>
              ),
            },
          ]}
        />
      </Container>
      <Box float="right">
        <SpaceBetween direction="horizontal" size="xs">
          <Button onClick={() => downloadCredentialsCsv(userName, password, signInUrl, "\n")} iconName="download">
            Download .csv file
          </Button>
          <Button variant="primary" onClick={onDone}>
            Return to users list
          </Button>
        </SpaceBetween>
      </Box>
    </SpaceBetween>
  );
}
