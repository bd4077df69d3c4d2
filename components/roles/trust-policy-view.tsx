"use client";

import { PolicyEditor } from "@/components/policy-editor/policy-editor";

/** A trust policy shown read-only in the policy editor, sized to its text. */
export function TrustPolicyView({ document, maxHeight = 480 }: { document: string; maxHeight?: number }) {
  const lines = document.split("\n").length;
  return (
    <div data-testid="trust-policy-view">
      <PolicyEditor value={document} kind="trust" readOnly height={Math.min(maxHeight, Math.max(120, lines * 19 + 16))} />
    </div>
  );
}
