"use client";

import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import KeyValuePairs from "@cloudscape-design/components/key-value-pairs";
import SpaceBetween from "@cloudscape-design/components/space-between";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import dynamic from "next/dynamic";
import { useState } from "react";
import { CopyText } from "@/components/common/copy-text";
import { DeleteModal } from "@/components/common/delete-modal";
import { useNotify } from "@/components/shell/shell-context";
import { useAccount, useDeleteAccountAlias } from "@/lib/queries/account";
import { formatAccountId, signInUrl } from "./sign-in-url";

// The alias form (and its validation) loads when Create or Edit is first chosen.
const AliasModal = dynamic(() => import("./alias-modal").then((m) => m.AliasModal), { ssr: false });

/** The "AWS Account" box: account ID, alias (create, edit, delete) and the sign-in URL for IAM users. */

export function AccountBox({ consoleOrigin }: { consoleOrigin: string }) {
  const account = useAccount();
  const notify = useNotify();
  const remove = useDeleteAccountAlias();
  const [editing, setEditing] = useState<"create" | "edit">();
  const [deleting, setDeleting] = useState(false);
  const a = account.data;

  return (
    <Container header={<Header variant="h2">AWS Account</Header>}>
      {account.error && <StatusIndicator type="error">{account.error.message}</StatusIndicator>}
      {account.isLoading && <StatusIndicator type="loading">Loading</StatusIndicator>}
      {a && (
        <KeyValuePairs
          columns={1}
          items={[
            { label: "Account ID", value: <CopyText text={a.accountId} label="Account ID" testId="account-id" /> },
            {
              label: "Account alias",
              value: (
                <SpaceBetween size="xs">
                  <Box data-testid="account-alias">{a.accountAlias ?? "-"}</Box>
                  <SpaceBetween direction="horizontal" size="xs">
                    {a.accountAlias ? (
                      <>
                        <Button onClick={() => setEditing("edit")} data-testid="alias-edit">
                          Edit
                        </Button>
                        <Button
                          onClick={() => {
                            remove.reset();
                            setDeleting(true);
                          }}
                          data-testid="alias-delete"
                        >
                          Delete
                        </Button>
                      </>
                    ) : (
                      <Button onClick={() => setEditing("create")} data-testid="alias-create">
                        Create
                      </Button>
                    )}
                  </SpaceBetween>
                </SpaceBetween>
              ),
            },
            {
              label: "Sign-in URL for IAM users in this account",
              value: <CopyText text={signInUrl(consoleOrigin, a.accountAlias ?? a.accountId)} label="Sign-in URL" testId="signin-url" />,
            },
          ]}
        />
      )}
      {a && editing && (
        <AliasModal
          mode={editing}
          accountLabel={formatAccountId(a.accountId)}
          current={a.accountAlias}
          consoleOrigin={consoleOrigin}
          onClose={() => setEditing(undefined)}
        />
      )}
      {a?.accountAlias && (
        <DeleteModal
          visible={deleting}
          title="Delete account alias?"
          confirmText={a.accountAlias}
          busy={remove.isPending}
          error={remove.error?.message}
          onCancel={() => setDeleting(false)}
          onConfirm={() =>
            remove.mutate(
              { accountAlias: a.accountAlias! },
              {
                onSuccess: () => {
                  setDeleting(false);
                  notify({ type: "success", content: `Account alias ${a.accountAlias} deleted.` });
                },
              },
            )
          }
        >
          <Box>
            IAM users will sign in with the account ID again: <Box variant="code">{signInUrl(consoleOrigin, a.accountId)}</Box>. Links that
            use the alias stop working.
          </Box>
        </DeleteModal>
      )}
    </Container>
  );
}
