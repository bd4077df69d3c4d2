"use client";

import dynamic from "next/dynamic";
import type { PolicyEditorProps } from "./monaco-policy-editor";

/** The JSON policy editor (Monaco from the installed package, never a CDN), loaded on the client only. */
export const PolicyEditor = dynamic<PolicyEditorProps>(() => import("./monaco-policy-editor").then((m) => m.MonacoPolicyEditor), {
  ssr: false,
  loading: () => <div style={{ height: 400, border: "1px solid #d1d5db", borderRadius: 8 }} aria-busy="true" />,
});

export type { PolicyEditorProps };
