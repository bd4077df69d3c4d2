"use client";

import Alert from "@cloudscape-design/components/alert";
import FormField from "@cloudscape-design/components/form-field";
import Input from "@cloudscape-design/components/input";
import { useState, type ReactNode } from "react";
import { ConfirmModal } from "./confirm-modal";

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
  // Each opening starts empty (state adjusted while rendering, as React's docs advise, rather than in an effect).
  const [shownFor, setShownFor] = useState(props.visible);
  if (shownFor !== props.visible) {
    setShownFor(props.visible);
    setTyped("");
  }
  return (
    <ConfirmModal
      visible={props.visible}
      title={props.title}
      action="Delete"
      busy={props.busy}
      disabled={typed !== props.confirmText}
      testId="delete-confirm"
      onCancel={props.onCancel}
      onConfirm={props.onConfirm}
    >
      {props.children}
      {props.error && (
        <Alert type="error" header="Couldn't delete">
          {props.error}
        </Alert>
      )}
      <FormField label={`To confirm deletion, enter "${props.confirmText}" in the text input field.`}>
        <Input
          value={typed}
          placeholder={props.confirmText}
          onChange={(e) => setTyped(e.detail.value)}
          data-testid="delete-confirm-input"
        />
      </FormField>
    </ConfirmModal>
  );
}
