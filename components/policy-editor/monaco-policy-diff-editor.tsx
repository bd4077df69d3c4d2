"use client";

import { useEffect, useRef } from "react";
import { bindPolicyModel } from "./monaco-language";
import { monaco } from "./monaco-setup";
import { documentHeight, prettyPolicy } from "./pretty-policy";

export type PolicyDiffEditorProps = {
  original: string;
  modified: string;
  /** What the screen reader calls each side ("Version v1"...). */
  originalLabel: string;
  modifiedLabel: string;
  /** Defaults to the longer document's height, within 200–640 pixels. */
  height?: number;
};

/** Monaco's diff editor, read-only, side by side: `original` on the left, `modified` on the right. */
export function MonacoPolicyDiffEditor({ original, modified, originalLabel, modifiedLabel, height }: PolicyDiffEditorProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneDiffEditor | null>(null);

  useEffect(() => {
    const editor = monaco.editor.createDiffEditor(containerRef.current!, {
      readOnly: true,
      originalEditable: false,
      renderSideBySide: true,
      useInlineViewWhenSpaceIsLimited: false,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
    });
    editorRef.current = editor;
    return () => {
      const model = editor.getModel();
      editor.dispose();
      model?.original.dispose();
      model?.modified.dispose();
      editorRef.current = null;
    };
  }, []);

  const left = prettyPolicy(original);
  const right = prettyPolicy(modified);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const previous = editor.getModel();
    const models = { original: monaco.editor.createModel(left, "json"), modified: monaco.editor.createModel(right, "json") };
    // Hover explains actions and keys on both sides (managed policies are identity policies).
    const bindings = [bindPolicyModel(models.original, { kind: "identity" }), bindPolicyModel(models.modified, { kind: "identity" })];
    editor.setModel(models);
    previous?.original.dispose();
    previous?.modified.dispose();
    return () => bindings.forEach((b) => b.dispose());
  }, [left, right]);

  useEffect(() => {
    const editor = editorRef.current;
    editor?.getOriginalEditor().updateOptions({ ariaLabel: originalLabel });
    editor?.getModifiedEditor().updateOptions({ ariaLabel: modifiedLabel });
  }, [originalLabel, modifiedLabel]);

  return (
    <div data-testid="policy-diff-editor" style={{ border: "1px solid #8c8c94", borderRadius: 8, overflow: "hidden" }}>
      <div ref={containerRef} style={{ height: height ?? Math.max(documentHeight(left), documentHeight(right)) }} />
    </div>
  );
}
