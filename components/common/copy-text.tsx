"use client";

import CopyToClipboard from "@cloudscape-design/components/copy-to-clipboard";
import { BreakableText } from "./breakable-text";

/** A value with its copy button, the messages worded for `label` (e.g. "ARN"); `testId` marks the value. It wraps at its separators. */
export function CopyText({ text, label, testId }: { text: string; label: string; testId?: string }) {
  const copy = (
    <CopyToClipboard
      variant="inline"
      textToCopy={text}
      textToDisplay={<BreakableText text={text} />}
      copyButtonAriaLabel={`Copy ${label}`}
      copySuccessText={`${label} copied`}
      copyErrorText={`${label} failed to copy`}
    />
  );
  return testId ? <span data-testid={testId}>{copy}</span> : copy;
}
