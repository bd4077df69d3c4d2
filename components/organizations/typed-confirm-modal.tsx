"use client";

import FormField from "@cloudscape-design/components/form-field";
import Input from "@cloudscape-design/components/input";
import { useState, type ReactNode } from "react";
import { ConfirmModal } from "@/components/common/confirm-modal";

/**
 * A destructive action confirmed by typing a word (a name, an ID), as AWS's console asks; AWS's error, code and
 * message, shows next to it. Mount it only while open, so each opening starts empty.
 */
export function TypedConfirmModal(props: {
  title: string;
  action: string;
  confirmText: string;
  busy?: boolean;
  error?: Error | null;
  testId?: string;
  children?: ReactNode;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const [typed, setTyped] = useState("");
  return (
    <ConfirmModal
      visible
      title={props.title}
      action={props.action}
      busy={props.busy}
      disabled={typed !== props.confirmText}
      error={props.error}
      testId={props.testId ?? "typed-confirm"}
      onCancel={props.onCancel}
      onConfirm={props.onConfirm}
    >
      {props.children}
      <FormField label={`To confirm, enter "${props.confirmText}" in the text input field.`}>
        <Input
          value={typed}
          placeholder={props.confirmText}
          ariaLabel={`Enter ${props.confirmText} to confirm`}
          onChange={(e) => setTyped(e.detail.value)}
          data-testid="typed-confirm-input"
        />
      </FormField>
    </ConfirmModal>
  );
}
