"use client";

import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import KeyValuePairs from "@cloudscape-design/components/key-value-pairs";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Spinner from "@cloudscape-design/components/spinner";
import { useRouter } from "next/navigation";
import { CopyText } from "@/components/common/copy-text";
import { policyHref } from "@/lib/queries/policies";
import { usePermissionDocument } from "@/lib/queries/user-detail";
import type { PermissionPolicy } from "@/lib/server/services/user-permissions";
import { userHref } from "./user-href";

const queryOf = (p?: PermissionPolicy) =>
  p?.policyArn ? { policyArn: p.policyArn } : { policyName: p?.policyName ?? "", ...(p?.groupName ? { groupName: p.groupName } : {}) };

/** A policy's JSON as the console shows it when a row is expanded; the user's own inline policies can be edited. */
export function PolicyDocumentModal({ userName, policy, onClose }: { userName: string; policy?: PermissionPolicy; onClose: () => void }) {
  const router = useRouter();
  const doc = usePermissionDocument(userName, queryOf(policy), !!policy);
  const editable = policy?.type === "Customer inline" && policy.via === "Attached directly";
  return (
    <Modal
      visible={!!policy}
      size="large"
      onDismiss={onClose}
      header={policy?.policyName}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            {policy?.policyArn && <Button onClick={() => router.push(policyHref(policy.policyArn!))}>View policy</Button>}
            {editable && (
              <Button
                onClick={() => router.push(userHref(userName, `/create-inline-policy?policyName=${encodeURIComponent(policy.policyName)}`))}
              >
                Edit
              </Button>
            )}
            <Button variant="primary" onClick={onClose}>
              Close
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      {policy && (
        <SpaceBetween size="m">
          <KeyValuePairs
            columns={3}
            items={[
              { label: "Type", value: policy.type },
              { label: "Attached via", value: policy.via },
              ...(policy.policyArn ? [{ label: "ARN", value: <CopyText text={policy.policyArn} label="ARN" /> }] : []),
            ]}
          />
          {doc.isLoading && <Spinner />}
          {doc.error && (
            <Alert type="error" header="Couldn't load the policy">
              {doc.error.message}
            </Alert>
          )}
          {doc.data && (
            <pre
              data-testid="policy-document"
              style={{ margin: 0, padding: 12, maxHeight: 420, overflow: "auto", background: "#f4f4f4", borderRadius: 8, fontSize: 12 }}
            >
              {doc.data.document}
            </pre>
          )}
        </SpaceBetween>
      )}
    </Modal>
  );
}
