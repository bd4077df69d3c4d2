"use client";

import CopyToClipboard from "@cloudscape-design/components/copy-to-clipboard";

/** A value with its copy button, the messages worded for `label` (e.g. "ARN"); `testId` marks the value. */
export function CopyText({ text, label, testId }: { text: string; label: string; testId?: string }) {
  const copy = (
    <CopyToClipboard
      variant="inline"
      textToCopy={text}
      copyButtonAriaLabel={`Copy ${label}`}
      copySuccessText={`${label} copied`}
      copyErrorText={`${label} failed to copy`}
    />
  );
  return testId ? <span data-testid={testId}>{copy}</span> : copy;
}
