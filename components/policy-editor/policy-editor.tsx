"use client";

import dynamic from "next/dynamic";
import type { PolicyEditorProps } from "./monaco-policy-editor";

const MonacoPolicyEditor = dynamic<PolicyEditorProps>(() => import("./monaco-policy-editor").then((m) => m.MonacoPolicyEditor), {
  ssr: false,
  loading: () => <div style={{ position: "absolute", inset: 0, border: "1px solid #d1d5db", borderRadius: 8 }} aria-busy="true" />,
});

/** The JSON policy editor (Monaco from the installed package, never a CDN), loaded on the client only. */
export function PolicyEditor(props: PolicyEditorProps) {
  // Holds the editor's height while Monaco loads, so the page doesn't jump.
  return (
    <div style={{ position: "relative", minHeight: props.height ?? 400 }}>
      <MonacoPolicyEditor {...props} />
    </div>
  );
}

export type { PolicyEditorProps };
