"use client";

import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import type { ReactNode } from "react";
import { ApiError } from "@/lib/queries/api";

/** A plain confirmation (remove users, remove policies): no name to type, since nothing is deleted for good. */
export function ConfirmModal(props: {
  visible: boolean;
  title: string;
  action: string;
  busy?: boolean;
  error?: Error | null;
  children: ReactNode;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const e = props.error;
  return (
    <Modal
      visible={props.visible}
      onDismiss={props.onCancel}
      header={props.title}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={props.onCancel}>
              Cancel
            </Button>
            <Button variant="primary" loading={props.busy} onClick={props.onConfirm} data-testid="confirm-action">
              {props.action}
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <SpaceBetween size="m">
        {props.children}
        {e && (
          <Alert type="error" header={e instanceof ApiError ? e.code : "Error"}>
            <span style={{ whiteSpace: "pre-wrap" }}>{[e.message, ...Object.values(e instanceof ApiError ? (e.fieldErrors ?? {}) : {})].join("\n")}</span>
          </Alert>
        )}
      </SpaceBetween>
    </Modal>
  );
}
