"use client";

import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import KeyValuePairs from "@cloudscape-design/components/key-value-pairs";
import { CopyText } from "@/components/common/copy-text";
import type { GroupDetail } from "@/lib/server/services/groups";
import { dateTime } from "@/lib/format/time";

export function GroupSummaryPanel({ group }: { group: GroupDetail }) {
  return (
    <Container header={<Header variant="h2">Summary</Header>}>
      <KeyValuePairs
        columns={3}
        items={[
          { label: "User group name", value: group.groupName },
          { label: "Creation time", value: dateTime(group.createDate) },
          { label: "ARN", value: <CopyText text={group.arn} label="ARN" /> },
        ]}
      />
    </Container>
  );
}
