"use client";

import ButtonDropdown from "@cloudscape-design/components/button-dropdown";
import dynamic from "next/dynamic";
import { useState } from "react";
import type { PolicyKind } from "@/lib/policy/types";

// Loaded when opened: the pages with an editor don't carry the picker and the templates in their first load.
const ImportPolicyModal = dynamic(() => import("./import-policy-modal").then((m) => m.ImportPolicyModal), { ssr: false });
const PolicyTemplateModal = dynamic(() => import("./policy-template-modal").then((m) => m.PolicyTemplateModal), { ssr: false });

type Props = {
  kind: PolicyKind;
  onLoad: (document: string) => void;
  /** Offer "Import policy" (managed policies' documents: identity-based policies only). */
  importable?: boolean;
  indent?: string | number;
};

/** The editor's "Actions": import a managed policy's document, or start from a template. */
export function PolicyStartActions({ kind, onLoad, importable, indent = "\t" }: Props) {
  const [open, setOpen] = useState<"import" | "template">();
  const load = (document: string) => (onLoad(document), setOpen(undefined));
  return (
    <>
      <ButtonDropdown
        data-testid="policy-editor-actions"
        items={[...(importable ? [{ id: "import", text: "Import policy" }] : []), { id: "template", text: "Start from a template" }]}
        onItemClick={(e) => setOpen(e.detail.id as "import" | "template")}
      >
        Actions
      </ButtonDropdown>
      {open === "import" && <ImportPolicyModal indent={indent} onImport={load} onDismiss={() => setOpen(undefined)} />}
      {open === "template" && <PolicyTemplateModal kind={kind} indent={indent} onUse={load} onDismiss={() => setOpen(undefined)} />}
    </>
  );
}
