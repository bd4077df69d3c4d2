"use client";

import Box from "@cloudscape-design/components/box";
import CopyToClipboard from "@cloudscape-design/components/copy-to-clipboard";
import Link from "@cloudscape-design/components/link";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useState } from "react";

/** A secret shown masked until the user asks, as the console shows a new password or secret access key. */
export function SecretValue({ value, label, testId }: { value: string; label: string; testId?: string }) {
  const [shown, setShown] = useState(false);
  return (
    <SpaceBetween direction="horizontal" size="xs" alignItems="center">
      <CopyToClipboard
        variant="inline"
        textToCopy={value}
        textToDisplay={
          <Box variant="code" data-testid={testId}>
            {shown ? value : "*".repeat(16)}
          </Box>
        }
        copyButtonAriaLabel={`Copy ${label}`}
        copySuccessText={`${label} copied`}
        copyErrorText={`${label} failed to copy`}
      />
      <Link variant="secondary" onFollow={() => setShown((s) => !s)} ariaLabel={`${shown ? "Hide" : "Show"} ${label}`}>
        {shown ? "Hide" : "Show"}
      </Link>
    </SpaceBetween>
  );
}
