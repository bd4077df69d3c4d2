"use client";

import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import { useState } from "react";
import { PolicyEditor } from "@/components/policy-editor/policy-editor";

/** An inline policy's "Policy editor": the JSON editor, with how many findings IAM would reject it for. */
export function PolicyEditorContainer({ value, onChange }: { value: string; onChange: (document: string) => void }) {
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
      <PolicyEditor value={value} onChange={onChange} kind="identity" onFindings={setFindings} height={380} />
    </Container>
  );
}
