"use client";

import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import FormField from "@cloudscape-design/components/form-field";
import Input from "@cloudscape-design/components/input";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useEffect, useState, type ReactNode } from "react";

/**
 * The AWS console's delete confirmation: the user types the name (or "delete" for several items) to confirm.
 * `error` shows AWS's words next to the action (e.g. a DeleteConflict), `children` explains what depends on it.
 */
export function DeleteModal(props: {
  visible: boolean;
  title: string;
  confirmText: string;
  busy?: boolean;
  error?: string;
  children?: ReactNode;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const [typed, setTyped] = useState("");
  useEffect(() => setTyped(""), [props.visible]);
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
            <Button variant="primary" disabled={typed !== props.confirmText} loading={props.busy} onClick={props.onConfirm} data-testid="delete-confirm">
              Delete
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <SpaceBetween size="m">
        {props.children}
        {props.error && (
          <Alert type="error" header="Couldn't delete">
            {props.error}
          </Alert>
        )}
        <FormField label={`To confirm deletion, enter "${props.confirmText}" in the text input field.`}>
          <Input value={typed} placeholder={props.confirmText} onChange={(e) => setTyped(e.detail.value)} data-testid="delete-confirm-input" />
        </FormField>
      </SpaceBetween>
    </Modal>
  );
}
