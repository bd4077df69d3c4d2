"use client";

import Alert from "@cloudscape-design/components/alert";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useState } from "react";
import { ModalFooter } from "@/components/common/modal-footer";
import { PolicyPicker } from "@/components/policies/policy-picker";
import { usePolicyVersion, type PolicySummary } from "@/lib/queries/policies";

type Props = { indent?: string | number; onImport: (document: string) => void; onDismiss: () => void };

/** The document indented as the editor indents, when it is JSON (AWS returns managed policies' documents as stored). */
function reindent(document: string, indent: string | number) {
  try {
    return JSON.stringify(JSON.parse(document), null, indent);
  } catch {
    return document;
  }
}

/** "Import policy", as the AWS console's editor: choose an AWS or customer managed policy; its default version's document replaces the editor's. */
export function ImportPolicyModal({ indent = "\t", onImport, onDismiss }: Props) {
  const [chosen, setChosen] = useState<PolicySummary>();
  const version = usePolicyVersion(chosen?.arn ?? "", chosen?.defaultVersionId);
  const document = version.data?.document;

  return (
    <Modal
      visible
      size="large"
      onDismiss={onDismiss}
      header="Import policy"
      footer={
        <ModalFooter
          onCancel={onDismiss}
          onConfirm={() => document !== undefined && onImport(reindent(document, indent))}
          disabled={document === undefined}
          busy={version.isFetching}
          testId="import-policy-confirm"
        >
          Import policy
        </ModalFooter>
      }
    >
      <SpaceBetween size="m">
        <PolicyPicker
          single
          noSummaries
          title="Policies"
          selected={chosen ? [chosen.arn] : []}
          onChange={(_, policies) => setChosen(policies[0])}
        />
        {version.error && (
          <Alert type="error" header={(version.error as { code?: string }).code ?? "Error"}>
            {version.error.message}
          </Alert>
        )}
      </SpaceBetween>
    </Modal>
  );
}
