"use client";

import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import CopyToClipboard from "@cloudscape-design/components/copy-to-clipboard";
import Header from "@cloudscape-design/components/header";
import KeyValuePairs from "@cloudscape-design/components/key-value-pairs";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import { useState } from "react";
import { BreakableText } from "@/components/common/breakable-text";
import { useOrigin } from "@/components/common/use-origin";
import { signInUrl } from "@/components/dashboard/sign-in-url";
import type { UserDetail } from "@/lib/queries/user-detail";
import { dateTime } from "@/lib/format/time";
import { ConsolePasswordModal } from "./console-password-modal";
import { ManageConsoleAccessModal } from "./manage-console-access-modal";
import { daysAgo } from "./user-href";

/** Console sign-in: the sign-in link, whether the user has a console password, and Enable / Manage console access. */
export function ConsoleSignIn({ user }: { user: UserDetail }) {
  const [managing, setManaging] = useState(false);
  const [password, setPassword] = useState<string>();
  const origin = useOrigin();
  const url = signInUrl(origin, user.arn.split(":")[4] ?? "");
  const profile = user.loginProfile;

  return (
    <Container
      data-testid="console-sign-in"
      header={
        <Header
          variant="h2"
          actions={
            <Button onClick={() => setManaging(true)} data-testid="manage-console-access">
              {profile ? "Manage console access" : "Enable console access"}
            </Button>
          }
        >
          Console sign-in
        </Header>
      }
    >
      <KeyValuePairs
        columns={3}
        items={[
          {
            label: "Console sign-in link",
            value: (
              <CopyToClipboard
                variant="inline"
                textToCopy={url}
                textToDisplay={<BreakableText text={url} />}
                copyButtonAriaLabel="Copy sign-in link"
                copySuccessText="Sign-in link copied"
                copyErrorText="Couldn't copy"
              />
            ),
          },
          {
            label: "Console password",
            value: profile ? (
              <span data-testid="console-password-status">
                <StatusIndicator type="success">Enabled</StatusIndicator> (set {daysAgo(profile.createDate)})
                {profile.passwordResetRequired ? ". Must be reset at next sign-in" : ""}
              </span>
            ) : (
              <span data-testid="console-password-status">
                <StatusIndicator type="stopped">Not enabled</StatusIndicator>
              </span>
            ),
          },
          { label: "Last console sign-in", value: user.passwordLastUsed ? dateTime(user.passwordLastUsed) : profile ? "Never" : "-" },
        ]}
      />
      <ManageConsoleAccessModal user={user} visible={managing} onClose={() => setManaging(false)} onPassword={setPassword} />
      <ConsolePasswordModal userName={user.userName} password={password} signInUrl={url} onClose={() => setPassword(undefined)} />
    </Container>
  );
}
