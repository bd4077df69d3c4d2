"use client";

import { useState } from "react";
import { useAccessChecks } from "@/lib/queries/access-checks";
import type { NewAccessKind } from "@/lib/policy/new-access/types";
import { NewAccessPanel } from "./new-access-panel";

type Gate = {
  existing: string | undefined;
  document: string | undefined;
  kind: NewAccessKind;
  existingLabel: string;
  account?: string;
  roleArn?: string;
};

/**
 * "Does this change grant new access?" for a form that saves a changed policy: `panel` shows the answer under the
 * editor, and `allowsSave` refuses a change that grants new access until the user ticks the confirmation for this text.
 */
export function useNewAccessGate({ existing, document, kind, existingLabel, account, roleArn }: Gate) {
  const [confirmedFor, setConfirmedFor] = useState<string>();
  const [blocked, setBlocked] = useState(false);
  const checks = useAccessChecks();
  const confirmed = document !== undefined && confirmedFor === document;

  const allowsSave = async (): Promise<boolean> => {
    if (existing === undefined || document === undefined || existing === document || confirmed) return true;
    const { checkNoNewAccess } = await import("@/lib/policy/new-access");
    if (checkNoNewAccess(existing, document, kind, { account, roleArn }).result === "PASS") return true;
    setBlocked(true);
    return false;
  };

  const panel =
    existing === undefined || document === undefined ? null : (
      <NewAccessPanel
        existing={existing}
        document={document}
        kind={kind}
        existingLabel={existingLabel}
        account={account}
        roleArn={roleArn}
        confirmed={confirmed}
        onConfirmedChange={(c) => setConfirmedFor(c ? document : undefined)}
        blocked={blocked}
        checks={checks.data ?? []}
      />
    );
  return { panel, allowsSave };
}
