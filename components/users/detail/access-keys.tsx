"use client";

import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useNotify } from "@/components/shell/shell-context";
import { useUpdateAccessKey, type AccessKeySummary, type UserDetail } from "@/lib/queries/user-detail";
import { AccessKeyCard } from "./access-key-card";
import { AccessKeyDeleteModal } from "./access-key-delete-modal";
import { userHref } from "./user-href";

export const MAX_KEYS_TEXT = "You can have a maximum of two access keys (active or inactive) at a time.";

/** Access keys: create (a wizard page), deactivate / activate (UpdateAccessKey), delete once inactive. */
export function AccessKeys({ user }: { user: UserDetail }) {
  const router = useRouter();
  const notify = useNotify();
  const update = useUpdateAccessKey(user.userName);
  const [deleting, setDeleting] = useState<AccessKeySummary>();
  const full = user.accessKeys.length >= 2;

  const setStatus = (k: AccessKeySummary, status: "Active" | "Inactive") =>
    update.mutate(
      { accessKeyId: k.accessKeyId, status },
      {
        onSuccess: () =>
          notify({ type: "success", content: `Access key ${k.accessKeyId} ${status === "Active" ? "activated" : "deactivated"}.` }),
      },
    );

  return (
    <Container
      data-testid="access-keys"
      header={
        <Header
          variant="h2"
          counter={`(${user.accessKeys.length})`}
          description={`Use access keys to send programmatic calls to AWS from the AWS CLI, AWS Tools for PowerShell, AWS SDKs, or direct AWS API calls. ${MAX_KEYS_TEXT}`}
          actions={
            <Button
              disabled={full}
              disabledReason={full ? MAX_KEYS_TEXT : undefined}
              onClick={() => router.push(userHref(user.userName, "/create-access-key"))}
              data-testid="create-access-key"
            >
              Create access key
            </Button>
          }
        >
          Access keys
        </Header>
      }
    >
      <SpaceBetween size="m">
        {update.error && (
          <Alert type="error" header={(update.error as { code?: string }).code ?? "Error"} dismissible onDismiss={() => update.reset()}>
            {update.error.message}
          </Alert>
        )}
        {user.accessKeys.length === 0 && (
          <Box color="text-body-secondary" textAlign="center">
            No access keys. As a best practice, avoid using long-term credentials like access keys. Instead, use tools which provide
            short-term credentials.
          </Box>
        )}
        {user.accessKeys.map((k) => (
          <AccessKeyCard
            key={k.accessKeyId}
            accessKey={k}
            busy={update.isPending && update.variables?.accessKeyId === k.accessKeyId}
            onStatus={(s) => setStatus(k, s)}
            onDelete={() => setDeleting(k)}
          />
        ))}
      </SpaceBetween>
      {deleting && (
        <AccessKeyDeleteModal
          key={deleting.accessKeyId}
          userName={user.userName}
          accessKey={user.accessKeys.find((k) => k.accessKeyId === deleting.accessKeyId)}
          onClose={() => setDeleting(undefined)}
        />
      )}
    </Container>
  );
}
