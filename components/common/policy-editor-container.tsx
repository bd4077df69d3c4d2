"use client";

import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import { useState } from "react";
import { PolicyEditor } from "@/components/policy-editor/policy-editor";
import type { PolicyQuota } from "@/lib/policy/lint/types";

/** An inline policy's "Policy editor": the JSON editor, with how many findings IAM would reject it for. */
export function PolicyEditorContainer({
  value,
  onChange,
  quota,
}: {
  value: string;
  onChange: (document: string) => void;
  /** Whose inline policy it is: IAM's size quota differs for users and groups. */
  quota: PolicyQuota;
}) {
  const [findings, setFindings] = useState<string[]>([]);
  return (
    <Container
      header={
        <Header
          variant="h2"
          description={findings.length ? `${findings.length} finding(s) in the document. IAM will reject it as written.` : undefined}
        >
          Policy editor
        </Header>
      }
    >
      <PolicyEditor value={value} onChange={onChange} kind="identity" quota={quota} onFindings={setFindings} height={380} />
    </Container>
  );
}
