"use client";

import Alert from "@cloudscape-design/components/alert";
import { entityTypeLabel, type EntityFailure } from "./run-each";

/** Each failed entity with AWS's code and message, verbatim. */
export function EntityFailures({ header, failures }: { header: string; failures: EntityFailure[] }) {
  if (!failures.length) return null;
  return (
    <Alert type="error" header={header}>
      <ul style={{ margin: 0, paddingLeft: 16 }} data-testid="entity-failures">
        {failures.map((f) => (
          <li key={`${f.entityType}:${f.entityName}`}>
            {entityTypeLabel(f.entityType)} {f.entityName}: {f.code}: {f.message}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
