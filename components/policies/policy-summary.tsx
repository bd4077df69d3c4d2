"use client";

import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import KeyValuePairs from "@cloudscape-design/components/key-value-pairs";
import { CopyText } from "@/components/common/copy-text";
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
          { label: "ARN", value: <CopyText text={policy.arn} label="ARN" /> },
          { label: "Description", value: policy.description || "-" },
          { label: "Default version", value: policy.defaultVersionId },
        ]}
      />
    </Container>
  );
}
