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
import { useDeleteRolePermissionsBoundary, usePutRolePermissionsBoundary, type RoleDetail } from "@/lib/queries/roles";
import { policyNameOf, policyTypeOf } from "./policy-arn";

/** Permissions boundary: set or change it (PutRolePermissionsBoundary) and remove it (DeleteRolePermissionsBoundary). */
export function PermissionsBoundarySection({ role }: { role: RoleDetail }) {
  const notify = useNotify();
  const put = usePutRolePermissionsBoundary(role.roleName);
  const remove = useDeleteRolePermissionsBoundary(role.roleName);
  const [picking, setPicking] = useState(false);
  const [choice, setChoice] = useState<string[]>([]);
  const boundary = role.permissionsBoundary;
  const error = (put.error ?? remove.error) as (Error & { code?: string }) | null;

  const newAccess = useBoundaryNewAccess(boundary?.arn, picking ? choice[0] : undefined, role.arn.split(":")[4]);

  const setBoundary = async () => {
    if (!choice[0] || !(await newAccess.allowsSave())) return;
    put.mutate(choice[0], {
      onSuccess: () => {
        notify({ type: "success", content: `Permissions boundary set for ${role.roleName}.` });
        setPicking(false);
      },
    });
  };

  return (
    <Container
      header={
        <Header
          variant="h2"
          description="Set a permissions boundary to control the maximum permissions this role can have."
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              {boundary && (
                <Button
                  disabled={role.serviceLinked}
                  loading={remove.isPending}
                  onClick={() =>
                    remove.mutate(undefined, {
                      onSuccess: () => notify({ type: "success", content: `Permissions boundary removed from ${role.roleName}.` }),
                    })
                  }
                >
                  Remove boundary
                </Button>
              )}
              <Button
                disabled={role.serviceLinked}
                onClick={() => (put.reset(), setChoice(boundary ? [boundary.arn] : []), setPicking(true))}
              >
                {boundary ? "Change boundary" : "Set permissions boundary"}
              </Button>
            </SpaceBetween>
          }
        >
          Permissions boundary {boundary ? "(set)" : "(not set)"}
        </Header>
      }
    >
      <SpaceBetween size="m">
        {error && !picking && (
          <Alert type="error" header={error.code ?? "Error"}>
            {error.message}
          </Alert>
        )}
        {boundary ? (
          <KeyValuePairs
            columns={3}
            items={[
              { label: "Policy name", value: <span data-testid="boundary-name">{policyNameOf(boundary.arn)}</span> },
              { label: "Type", value: policyTypeOf(boundary.arn) },
              { label: "ARN", value: <CopyText text={boundary.arn} label="ARN" /> },
            ]}
          />
        ) : (
          <Box color="text-body-secondary">No permissions boundary is set for this role.</Box>
        )}
      </SpaceBetween>
      <Modal
        visible={picking}
        size="large"
        onDismiss={() => setPicking(false)}
        header="Set permissions boundary"
        footer={
          <ModalFooter
            onCancel={() => setPicking(false)}
            onConfirm={() => void setBoundary()}
            disabled={!choice.length}
            busy={put.isPending}
            testId="set-boundary"
          >
            Set boundary
          </ModalFooter>
        }
      >
        <SpaceBetween size="m">
          {put.error && (
            <Alert type="error" header={(put.error as { code?: string }).code ?? "Error"}>
              {put.error.message}
            </Alert>
          )}
          {picking && <PolicyPicker single title="Permissions boundary policy" selected={choice} onChange={setChoice} />}
          {picking && newAccess.panel}
        </SpaceBetween>
      </Modal>
    </Container>
  );
}
