"use client";

import Button from "@cloudscape-design/components/button";
import SpaceBetween from "@cloudscape-design/components/space-between";
import type { ReactNode } from "react";

export type FormActionsProps = {
  children: ReactNode;
  onCancel: () => void;
  onConfirm: () => void;
  busy?: boolean;
  disabled?: boolean;
  testId?: string;
};

/** Cancel, then the primary action (`children` is its label), as the console ends its forms and modals. */
export function FormActions(props: FormActionsProps) {
  return (
    <SpaceBetween direction="horizontal" size="xs">
      <Button variant="link" onClick={props.onCancel}>
        Cancel
      </Button>
      <Button variant="primary" disabled={props.disabled} loading={props.busy} onClick={props.onConfirm} data-testid={props.testId}>
        {props.children}
      </Button>
    </SpaceBetween>
  );
}
