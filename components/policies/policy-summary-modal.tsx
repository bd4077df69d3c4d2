"use client";

import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Modal from "@cloudscape-design/components/modal";
import Spinner from "@cloudscape-design/components/spinner";
import { PolicyPermissionsSummary } from "@/components/policy-editor/policy-summary";
import { usePolicyVersion, type PolicySummary } from "@/lib/queries/policies";

/** A managed policy's permissions (its default version) as the console's policy summary, from a list of policies. */
export function PolicySummaryModal({ policy, onDismiss }: { policy: PolicySummary; onDismiss: () => void }) {
  const version = usePolicyVersion(policy.arn, policy.defaultVersionId);
  return (
    <Modal
      visible
      size="max"
      onDismiss={onDismiss}
      header={`${policy.policyName}: permissions defined in this policy`}
      footer={
        <Box float="right">
          <Button onClick={onDismiss}>Close</Button>
        </Box>
      }
    >
      {version.isLoading ? (
        <Spinner />
      ) : version.error ? (
        <Alert type="error" header={(version.error as { code?: string }).code ?? "Error"}>
          {version.error.message}
        </Alert>
      ) : (
        <PolicyPermissionsSummary document={version.data?.document ?? ""} />
      )}
    </Modal>
  );
}
