"use client";

import dynamic from "next/dynamic";
import { useCallback, useLayoutEffect, useRef } from "react";
import type { HighlightRange, PolicyEditorProps } from "./monaco-policy-editor";
import { PolicyTestPanel } from "./policy-test-panel";

const MonacoPolicyEditor = dynamic<PolicyEditorProps>(() => import("./monaco-policy-editor").then((m) => m.MonacoPolicyEditor), {
  ssr: false,
  loading: () => <div style={{ position: "absolute", inset: 0, border: "1px solid #d1d5db", borderRadius: 8 }} aria-busy="true" />,
});

/**
 * The JSON policy editor (Monaco from the installed package, never a CDN), loaded on the client only. `testable`
 * adds the "Test this policy" panel under it, which simulates the draft with SimulateCustomPolicy.
 */
export function PolicyEditor({ testable, ...props }: PolicyEditorProps & { testable?: boolean }) {
  // The panel reads the draft when it runs, so typing never re-renders it.
  const draft = useRef(props.value);
  useLayoutEffect(() => {
    draft.current = props.value;
  }, [props.value]);
  const getDocument = useCallback(() => draft.current, []);
  // Holds the editor's height while Monaco loads, so the page doesn't jump.
  const editor = (
    <div style={{ position: "relative", minHeight: props.height ?? 400 }}>
      <MonacoPolicyEditor {...props} />
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
