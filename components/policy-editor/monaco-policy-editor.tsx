"use client";

import Editor, { loader, type Monaco } from "@monaco-editor/react";
import * as monaco from "monaco-editor";
import { useEffect, useRef } from "react";
import { validatePolicy } from "@/lib/policy/validate";
import type { PolicyKind } from "@/lib/policy/types";

loader.config({ monaco });

export type PolicyEditorProps = {
  value: string;
  onChange?: (value: string) => void;
  kind?: PolicyKind;
  readOnly?: boolean;
  height?: number;
  /** Called with AWS's grammar findings for the current text (empty when valid). */
  onFindings?: (messages: string[]) => void;
};

/** Live findings from lib/policy (the same code local-aws uses for MalformedPolicyDocument) as editor markers. */
export function MonacoPolicyEditor({ value, onChange, kind = "identity", readOnly, height = 400, onFindings }: PolicyEditorProps) {
  const monacoRef = useRef<Monaco | null>(null);
  const modelRef = useRef<monaco.editor.ITextModel | null>(null);

  useEffect(() => {
    const findings = value.trim() ? validatePolicy(value, kind) : [];
    onFindings?.(findings.map((f) => f.message));
    const m = monacoRef.current;
    const model = modelRef.current;
    if (!m || !model) return;
    m.editor.setModelMarkers(
      model,
      "clef-policy",
      findings.map((f) => {
        const start = model.getPositionAt(f.span?.start ?? 0);
        const end = model.getPositionAt(f.span?.end ?? value.length);
        return { severity: m.MarkerSeverity.Error, message: f.message, startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: end.lineNumber, endColumn: end.column };
      }),
    );
  }, [value, kind, onFindings]);

  return (
    <div data-testid="policy-editor" style={{ border: "1px solid #8c8c94", borderRadius: 8, overflow: "hidden" }}>
      <Editor
        height={height}
        language="json"
        value={value}
        onChange={(v) => onChange?.(v ?? "")}
        onMount={(editor, m) => {
          monacoRef.current = m;
          modelRef.current = editor.getModel();
        }}
        options={{ readOnly, minimap: { enabled: false }, fontSize: 13, scrollBeyondLastLine: false, tabSize: 2, automaticLayout: true }}
      />
    </div>
  );
}
