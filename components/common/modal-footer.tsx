"use client";

import Box from "@cloudscape-design/components/box";
import { FormActions, type FormActionsProps } from "./form-actions";

/** A modal's footer: Cancel and the primary action, on the right. */
export function ModalFooter(props: FormActionsProps) {
  return (
    <Box float="right">
      <FormActions {...props} />
    </Box>
  );
}
