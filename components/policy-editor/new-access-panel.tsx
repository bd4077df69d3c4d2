"use client";

import dynamic from "next/dynamic";
import type { AccessToCheck, NewAccessKind } from "@/lib/policy/new-access/types";

export type NewAccessPanelProps = {
  existing: string;
  document: string;
  kind: NewAccessKind;
  /** "the default version (v1)", "the current trust policy". */
  existingLabel: string;
  account?: string;
  roleArn?: string;
  confirmed: boolean;
  onConfirmedChange: (confirmed: boolean) => void;
  /** A save was refused until the new access is confirmed. */
  blocked: boolean;
  /** The account's "must never be granted" checks, shown failing before the save (which the server refuses). */
  checks: (AccessToCheck & { name: string })[];
};

/** The new-access report, loaded with the policy catalogue only where a policy is edited. */
export const NewAccessPanel = dynamic<NewAccessPanelProps>(() => import("./new-access-report").then((m) => m.NewAccessReport), {
  ssr: false,
});
