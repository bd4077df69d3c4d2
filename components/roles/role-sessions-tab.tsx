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
import { ModalFooter } from "@/components/common/modal-footer";
import { useNotify } from "@/components/shell/shell-context";
import { useRevokeRoleSessions, type RoleDetail } from "@/lib/queries/roles";
import { EditRoleModal } from "./edit-role-modal";
import { durationLabel } from "./session-duration-select";

/** Sessions: the maximum session duration (UpdateRole) and "Revoke active sessions" (the AWSRevokeOlderSessions policy). */
export function RoleSessionsTab({ role }: { role: RoleDetail }) {
  const notify = useNotify();
  const revoke = useRevokeRoleSessions(role.roleName);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const confirmRevoke = () =>
    revoke.mutate(undefined, {
      onSuccess: (r) => {
        notify({
          type: "success",
          content: `Sessions of ${role.roleName} issued before ${r.revokedBefore} are revoked (inline policy AWSRevokeOlderSessions).`,
        });
        setConfirming(false);
      },
    });

  return (
    <SpaceBetween size="l">
      <Container
        header={
          <Header
            variant="h2"
            actions={
              <Button onClick={() => setEditing(true)} data-testid="edit-max-session">
                Edit
              </Button>
            }
          >
            Maximum session duration
          </Header>
        }
      >
        <KeyValuePairs
          columns={2}
          items={[
            {
              label: "Maximum session duration",
              value: <span data-testid="sessions-max-session">{durationLabel(role.maxSessionDuration)}</span>,
            },
          ]}
        />
      </Container>
      <Container
        header={
          <Header
            variant="h2"
            description="Revoking denies every permission to sessions whose credentials were issued before now. New sessions are not affected."
            actions={<Button onClick={() => (revoke.reset(), setConfirming(true))}>Revoke active sessions</Button>}
          >
            Revoke active sessions
          </Header>
        }
      >
        <Box color="text-body-secondary">
          IAM adds the inline policy AWSRevokeOlderSessions, which denies all actions when aws:TokenIssueTime is before the time you revoke.
        </Box>
      </Container>
      <EditRoleModal role={role} visible={editing} onClose={() => setEditing(false)} />
      <Modal
        visible={confirming}
        onDismiss={() => setConfirming(false)}
        header="Revoke active sessions?"
        footer={
          <ModalFooter onCancel={() => setConfirming(false)} onConfirm={confirmRevoke} busy={revoke.isPending} testId="confirm-revoke">
            Revoke active sessions
          </ModalFooter>
        }
      >
        <SpaceBetween size="m">
          <Box>Every session of {role.roleName} started before now loses all permissions. Applications must assume the role again.</Box>
          {revoke.error && (
            <Alert type="error" header={(revoke.error as { code?: string }).code ?? "Error"}>
              {revoke.error.message}
            </Alert>
          )}
        </SpaceBetween>
      </Modal>
    </SpaceBetween>
  );
}
