"use client";

import Alert from "@cloudscape-design/components/alert";
import Button from "@cloudscape-design/components/button";

/** A page of the Organizations area failed to render: say so, and offer to try again. */
export default function OrganizationsError({ error, reset }: { error: Error; reset: () => void }) {
  return (
    <Alert type="error" header="This page couldn't be shown" action={<Button onClick={reset}>Try again</Button>}>
      {error.message}
    </Alert>
  );
}
