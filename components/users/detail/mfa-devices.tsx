"use client";

import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ModalFooter } from "@/components/common/modal-footer";
import { useNotify } from "@/components/shell/shell-context";
import { useRemoveMfaDevice, type MfaDeviceSummary, type UserDetail } from "@/lib/queries/user-detail";
import { dateTime } from "@/lib/format/time";
import { userHref } from "./user-href";

const MAX_DEVICES = 8;

/** The user's MFA devices: assign a virtual one (a wizard page) or remove one (deactivate, then delete it). */
export function MfaDevices({ user }: { user: UserDetail }) {
  const router = useRouter();
  const notify = useNotify();
  const remove = useRemoveMfaDevice(user.userName);
  const [selected, setSelected] = useState<MfaDeviceSummary[]>([]);
  const [confirming, setConfirming] = useState(false);
  const device = selected[0];
  const close = () => (setConfirming(false), remove.reset());

  return (
    <>
      <Table
        items={user.mfaDevices}
        trackBy="serialNumber"
        selectionType="single"
        ariaLabels={{ itemSelectionLabel: (_, d) => d.serialNumber, selectionGroupLabel: "MFA devices" }}
        selectedItems={selected.filter((s) => user.mfaDevices.some((d) => d.serialNumber === s.serialNumber))}
        onSelectionChange={(e) => setSelected(e.detail.selectedItems)}
        data-testid="mfa-devices"
        columnDefinitions={[
          { id: "type", header: "Type", cell: (d) => d.type },
          { id: "id", header: "Identifier", cell: (d) => d.serialNumber },
          { id: "cert", header: "Certifications", cell: () => "Not applicable" },
          { id: "created", header: "Created on", cell: (d) => dateTime(d.enableDate) },
        ]}
        header={
          <Header
            counter={`(${user.mfaDevices.length})`}
            description={`Use MFA to increase the security of your AWS environment. Signing in with MFA requires an authentication code from an MFA device. Each user can have a maximum of ${MAX_DEVICES} MFA devices assigned.`}
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button disabled={!device} onClick={() => setConfirming(true)} data-testid="remove-mfa">
                  Remove
                </Button>
                <Button
                  disabled={user.mfaDevices.length >= MAX_DEVICES}
                  disabledReason={`Each user can have a maximum of ${MAX_DEVICES} MFA devices assigned.`}
                  onClick={() => router.push(userHref(user.userName, "/assign-mfa"))}
                  data-testid="assign-mfa"
                >
                  Assign MFA device
                </Button>
              </SpaceBetween>
            }
          >
            Multi-factor authentication (MFA)
          </Header>
        }
        empty={<Box textAlign="center">No MFA devices. Assign an MFA device to improve the security of this user.</Box>}
      />
      <Modal
        visible={confirming && !!device}
        onDismiss={close}
        header="Remove MFA device?"
        footer={
          <ModalFooter
            onCancel={close}
            onConfirm={() =>
              remove.mutate(device.serialNumber, {
                onSuccess: () => (
                  notify({ type: "success", content: `MFA device removed from ${user.userName}.` }),
                  setSelected([]),
                  close()
                ),
              })
            }
            busy={remove.isPending}
            testId="remove-mfa-confirm"
          >
            Remove
          </ModalFooter>
        }
      >
        <SpaceBetween size="m">
          <Box>
            Remove <b>{device?.serialNumber}</b> from <b>{user.userName}</b>? The device is deactivated and, for a virtual device, deleted.
            The user then signs in without it.
          </Box>
          {remove.error && (
            <Alert type="error" header={(remove.error as { code?: string }).code ?? "Error"}>
              {remove.error.message}
            </Alert>
          )}
        </SpaceBetween>
      </Modal>
    </>
  );
}
