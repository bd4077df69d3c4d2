"use client";

import Container from "@cloudscape-design/components/container";
import CopyToClipboard from "@cloudscape-design/components/copy-to-clipboard";
import Header from "@cloudscape-design/components/header";
import KeyValuePairs from "@cloudscape-design/components/key-value-pairs";
import { dateTime } from "@/lib/format/time";
import type { PolicyDetail } from "@/lib/queries/policies";
import { policyTypeLabel } from "./policy-labels";

/** "Policy details": type, creation and edit times, ARN, description. */
export function PolicySummary({ policy }: { policy: PolicyDetail }) {
  return (
    <Container header={<Header variant="h2">Policy details</Header>}>
      <KeyValuePairs
        columns={4}
        items={[
          { label: "Type", value: <span data-testid="policy-type">{policyTypeLabel(policy)}</span> },
          { label: "Creation time", value: dateTime(policy.createDate) },
          { label: "Edited time", value: dateTime(policy.updateDate) },
          {
            label: "ARN",
            value: (
              <CopyToClipboard
                variant="inline"
                textToCopy={policy.arn}
                copyButtonAriaLabel="Copy ARN"
                copySuccessText="ARN copied"
                copyErrorText="ARN failed to copy"
              />
            ),
          },
          { label: "Description", value: policy.description || "-" },
          { label: "Default version", value: policy.defaultVersionId },
        ]}
      />
    </Container>
  );
}
