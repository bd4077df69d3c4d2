"use client";

import Alert from "@cloudscape-design/components/alert";
import SegmentedControl from "@cloudscape-design/components/segmented-control";
import dynamic from "next/dynamic";
import { useCallback, useLayoutEffect, useRef, useState } from "react";
import type { HighlightRange, PolicyEditorProps } from "./monaco-policy-editor";
import { PolicyTestPanel } from "./policy-test-panel";
import type { VisualEditorProps } from "./visual-editor";

const MonacoPolicyEditor = dynamic<PolicyEditorProps>(() => import("./monaco-policy-editor").then((m) => m.MonacoPolicyEditor), {
  ssr: false,
  loading: () => <div style={{ position: "absolute", inset: 0, border: "1px solid #d1d5db", borderRadius: 8 }} aria-busy="true" />,
});

// The visual editor brings the action catalogue: it loads only when the user switches to it.
const VisualPolicyEditor = dynamic<VisualEditorProps>(() => import("./visual-editor").then((m) => m.VisualPolicyEditor), {
  ssr: false,
  loading: () => <div style={{ minHeight: 200 }} aria-busy="true" />,
});

// AWS's console offers the visual editor for permission policies, not for trust policies.
const VISUAL_KINDS = new Set(["identity", "scp", "rcp"]);

type Mode = "visual" | "json";

/**
 * The policy editor: JSON (Monaco from the installed package, never a CDN) and, for permission policies, a visual
 * editor of the same document, switched as AWS's console does ("Policy editor: Visual | JSON"). Both load on the
 * client only. `testable` adds the "Test this policy" panel under it, which simulates the draft with SimulateCustomPolicy.
 */
export function PolicyEditor({ testable, ...props }: PolicyEditorProps & { testable?: boolean }) {
  const [mode, setMode] = useState<Mode>("json");
  const [refusal, setRefusal] = useState<string>();
  // The JSON editor's findings, shown under the visual editor too, where the JSON (and its list) is hidden.
  const [errors, setErrors] = useState<string[]>([]);
  const { onFindings } = props;
  const reportFindings = useCallback((messages: string[]) => (setErrors(messages), onFindings?.(messages)), [onFindings]);
  // The panel reads the draft when it runs, so typing never re-renders it.
  const draft = useRef(props.value);
  useLayoutEffect(() => {
    draft.current = props.value;
  }, [props.value]);
  const getDocument = useCallback(() => draft.current, []);
  const visual = !props.readOnly && props.onChange !== undefined && VISUAL_KINDS.has(props.kind ?? "identity");

  const choose = async (next: Mode) => {
    setRefusal(undefined);
    if (next === "json") return setMode("json");
    const { fromDocument } = await import("@/lib/policy/visual/read");
    const read = fromDocument(draft.current);
    if (read.ok) setMode("visual");
    else setRefusal(read.reason);
  };

  // Holds the editor's height while Monaco loads, so the page doesn't jump. Hidden, it keeps the document and its undo.
  const json = (
    <div style={{ position: "relative", minHeight: props.height ?? 400, display: visual && mode === "visual" ? "none" : undefined }}>
      <MonacoPolicyEditor {...props} onFindings={visual ? reportFindings : onFindings} />
    </div>
  );
  const editor = !visual ? (
    json
  ) : (
    <div style={{ display: "flex", flexDirection: "column", gap: 12 }}>
      <div style={{ display: "flex", justifyContent: "flex-end" }}>
        <SegmentedControl
          label="Policy editor"
          selectedId={mode}
          onChange={(e) => void choose(e.detail.selectedId as Mode)}
          options={[
            { id: "visual", text: "Visual" },
            { id: "json", text: "JSON" },
          ]}
        />
      </div>
      {refusal && (
        <Alert type="warning" dismissible onDismiss={() => setRefusal(undefined)} header="The visual editor can't show this policy">
          {refusal} The policy stays in the JSON editor.
        </Alert>
      )}
      {json}
      {mode === "visual" && <VisualPolicyEditor value={props.value} onChange={props.onChange!} errors={errors} />}
    </div>
  );
  if (!testable || props.readOnly) return editor;
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 16 }}>
      {editor}
      <PolicyTestPanel getDocument={getDocument} />
    </div>
  );
}

export type { HighlightRange, PolicyEditorProps };
