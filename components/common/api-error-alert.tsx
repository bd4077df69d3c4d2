"use client";

import Alert from "@cloudscape-design/components/alert";
import { ApiError } from "@/lib/queries/api";

/** An error as AWS words it: the code as the header, then the message and any field errors, one a line. */
export function ApiErrorAlert({ error, testId }: { error: Error; testId?: string }) {
  const fields = error instanceof ApiError ? Object.values(error.fieldErrors ?? {}) : [];
  return (
    <Alert type="error" header={error instanceof ApiError ? error.code : "Error"} data-testid={testId}>
      <span style={{ whiteSpace: "pre-wrap" }}>{[error.message, ...fields].join("\n")}</span>
    </Alert>
  );
}
