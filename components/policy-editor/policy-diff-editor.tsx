"use client";

import dynamic from "next/dynamic";
import type { PolicyDiffEditorProps } from "./monaco-policy-diff-editor";
import { documentHeight, prettyPolicy } from "./pretty-policy";

const MonacoPolicyDiffEditor = dynamic<PolicyDiffEditorProps>(
  () => import("./monaco-policy-diff-editor").then((m) => m.MonacoPolicyDiffEditor),
  {
    ssr: false,
    loading: () => <div style={{ position: "absolute", inset: 0, border: "1px solid #d1d5db", borderRadius: 8 }} aria-busy="true" />,
  },
);

/** Two policy documents side by side in Monaco's diff editor (read-only), loaded on the client only. */
export function PolicyDiffEditor(props: PolicyDiffEditorProps) {
  // Both sides are pretty-printed: the taller one sets the height, held while Monaco loads.
  const height = props.height ?? Math.max(documentHeight(prettyPolicy(props.original)), documentHeight(prettyPolicy(props.modified)));
  return (
    <div style={{ position: "relative", minHeight: height }}>
      <MonacoPolicyDiffEditor {...props} height={height} />
    </div>
  );
}

export type { PolicyDiffEditorProps };
