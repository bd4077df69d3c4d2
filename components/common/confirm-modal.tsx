"use client";

import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import type { ReactNode } from "react";
import { ApiErrorAlert } from "./api-error-alert";
import { ModalFooter } from "./modal-footer";

/** A confirmation (remove users, remove policies): the action as the primary button, AWS's error next to it. */
export function ConfirmModal(props: {
  visible: boolean;
  title: string;
  action: string;
  busy?: boolean;
  disabled?: boolean;
  testId?: string;
  error?: Error | null;
  children: ReactNode;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  return (
    <Modal
      visible={props.visible}
      onDismiss={props.onCancel}
      header={props.title}
      footer={
        <ModalFooter
          onCancel={props.onCancel}
          onConfirm={props.onConfirm}
          disabled={props.disabled}
          busy={props.busy}
          testId={props.testId ?? "confirm-action"}
        >
          {props.action}
        </ModalFooter>
      }
    >
      <SpaceBetween size="m">
        {props.children}
        {props.error && <ApiErrorAlert error={props.error} />}
      </SpaceBetween>
    </Modal>
  );
}
