"use client";

import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import KeyValuePairs from "@cloudscape-design/components/key-value-pairs";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useState } from "react";
import { CopyText } from "@/components/common/copy-text";
import { ModalFooter } from "@/components/common/modal-footer";
import { PolicyPicker } from "@/components/policies/policy-picker";
import { useBoundaryNewAccess } from "@/components/policy-editor/new-access-boundary";
import { useNotify } from "@/components/shell/shell-context";
import { useDeleteUserPermissionsBoundary, usePutUserPermissionsBoundary, type UserDetail } from "@/lib/queries/user-detail";
import { policyNameOf, policyTypeOf } from "./user-href";

const codeOf = (e: unknown) => (e as { code?: string }).code ?? "Error";

/** Permissions boundary: set or change it (PutUserPermissionsBoundary), remove it (DeleteUserPermissionsBoundary). */
export function PermissionsBoundary({ user }: { user: UserDetail }) {
  const notify = useNotify();
  const put = usePutUserPermissionsBoundary(user.userName);
  const remove = useDeleteUserPermissionsBoundary(user.userName);
  const [mode, setMode] = useState<"set" | "remove" | undefined>();
  const [choice, setChoice] = useState<string[]>([]);
  const arn = user.permissionsBoundaryArn;
  const close = () => (setMode(undefined), put.reset(), remove.reset());
  const newAccess = useBoundaryNewAccess(arn, mode === "set" ? choice[0] : undefined, user.arn.split(":")[4]);

  return (
    <Container
      data-testid="permissions-boundary"
      header={
        <Header
          variant="h2"
          description="Set a managed policy as the permissions boundary to control the maximum permissions this user can have."
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              {arn && <Button onClick={() => setMode("remove")}>Remove boundary</Button>}
              <Button onClick={() => (setChoice(arn ? [arn] : []), setMode("set"))} data-testid="set-boundary-open">
                {arn ? "Change boundary" : "Set permissions boundary"}
              </Button>
            </SpaceBetween>
          }
        >
          Permissions boundary {arn ? "(set)" : "(not set)"}
        </Header>
      }
    >
      {arn ? (
        <KeyValuePairs
          columns={3}
          items={[
            { label: "Policy name", value: <span data-testid="boundary-name">{policyNameOf(arn)}</span> },
            { label: "Type", value: policyTypeOf(arn) },
            { label: "ARN", value: <CopyText text={arn} label="ARN" /> },
          ]}
        />
      ) : (
        <Box color="text-body-secondary">No permissions boundary is set. The user can have any permissions its policies grant.</Box>
      )}
      <Modal
        visible={mode === "set"}
        size="large"
        onDismiss={close}
        header={arn ? "Change permissions boundary" : "Set permissions boundary"}
        footer={
          <ModalFooter
            onCancel={close}
            onConfirm={() =>
              void newAccess.allowsSave().then(
                (ok) =>
                  ok &&
                  choice[0] &&
                  put.mutate(choice[0], {
                    onSuccess: () => (notify({ type: "success", content: `Permissions boundary set for ${user.userName}.` }), close()),
                  }),
              )
            }
            busy={put.isPending}
            testId="set-boundary"
          >
            Set boundary
          </ModalFooter>
        }
      >
        <SpaceBetween size="m">
          {put.error && (
            <Alert type="error" header={codeOf(put.error)}>
              {put.error.message}
            </Alert>
          )}
          {mode === "set" && <PolicyPicker single title="Permissions boundary policy" selected={choice} onChange={setChoice} />}
          {mode === "set" && newAccess.panel}
        </SpaceBetween>
      </Modal>
      <Modal
        visible={mode === "remove"}
        onDismiss={close}
        header="Remove permissions boundary?"
        footer={
          <ModalFooter
            onCancel={close}
            onConfirm={() =>
              remove.mutate(undefined, {
                onSuccess: () => (notify({ type: "success", content: `Permissions boundary removed from ${user.userName}.` }), close()),
              })
            }
            busy={remove.isPending}
            testId="remove-boundary"
          >
            Remove boundary
          </ModalFooter>
        }
      >
        <SpaceBetween size="m">
          <Box>
            Remove <b>{arn && policyNameOf(arn)}</b> as the permissions boundary of <b>{user.userName}</b>? The user&apos;s permissions are
            then limited only by its policies.
          </Box>
          {remove.error && (
            <Alert type="error" header={codeOf(remove.error)}>
              {remove.error.message}
            </Alert>
          )}
        </SpaceBetween>
      </Modal>
    </Container>
  );
}
