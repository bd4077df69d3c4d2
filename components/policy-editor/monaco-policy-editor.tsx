"use client";

import Editor, { loader } from "@monaco-editor/react";
import { useEffect, useMemo, useRef } from "react";
import { positionAt } from "@/lib/policy/json";
import { validatePolicy } from "@/lib/policy/validate";
import type { PolicyKind } from "@/lib/policy/types";
import { monaco } from "./monaco-setup";
import { PolicyFindings, type EditorFinding } from "./policy-findings";

loader.config({ monaco: monaco as unknown as Parameters<typeof loader.config>[0]["monaco"] });

export type PolicyEditorProps = {
  value: string;
  onChange?: (value: string) => void;
  kind?: PolicyKind;
  readOnly?: boolean;
  height?: number;
  /** Called with AWS's grammar findings for the current text (empty when valid), only when they change. */
  onFindings?: (messages: string[]) => void;
  /** Managed policies (CreatePolicy, CreatePolicyVersion) must use Version 2012-10-17. */
  managed?: boolean;
  /** Ranges to highlight (1-based lines and columns, e.g. the statements a simulation matched); the first is scrolled into view. */
  highlights?: HighlightRange[];
};

export type HighlightRange = { start: { line: number; column: number }; end: { line: number; column: number } };

const HIGHLIGHT_STYLE =
  ".clef-statement-highlight { background: rgba(255, 204, 0, 0.28); } .clef-statement-margin { background: #f89256; width: 4px !important; margin-left: 3px; }";

const toEditorFinding =
  (text: string) =>
  (f: ReturnType<typeof validatePolicy>[number]): EditorFinding & { end: { line: number; column: number } } => {
    const start = positionAt(text, f.span?.start ?? 0);
    const end = positionAt(text, f.span?.end ?? text.length);
    return {
      message: f.message,
      detail: f.detail,
      path: f.path,
      line: start.line,
      column: start.column,
      end: { line: end.line, column: end.column },
    };
  };

/** Live findings from lib/policy (the same code local-aws uses for MalformedPolicyDocument) as markers and a list. */
export function MonacoPolicyEditor({
  value,
  onChange,
  kind = "identity",
  readOnly,
  height = 400,
  onFindings,
  managed,
  highlights,
}: PolicyEditorProps) {
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const decorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const reported = useRef<string | null>(null);
  const emitted = useRef<string[]>([value]);
  const onFindingsRef = useRef(onFindings);
  onFindingsRef.current = onFindings;

  const findings = useMemo(
    () => (value.trim() ? validatePolicy(value, kind, { managed }).map(toEditorFinding(value)) : []),
    [value, kind, managed],
  );

  const applyMarkers = () => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      "clef-policy",
      findings.map((f) => ({
        severity: monaco.MarkerSeverity.Error,
        message: f.detail ? `${f.message} (${f.detail})` : f.message,
        startLineNumber: f.line,
        startColumn: f.column,
        endLineNumber: f.end.line,
        endColumn: f.end.line === f.line && f.end.column === f.column ? f.column + 1 : f.end.column,
      })),
    );
  };

  useEffect(() => {
    applyMarkers();
    const key = JSON.stringify(findings.map((f) => f.message));
    if (reported.current !== key) {
      reported.current = key;
      onFindingsRef.current?.(findings.map((f) => f.message));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [findings]);

  // The model is the source of truth while typing: writing back a `value` the editor itself emitted (possibly a
  // render behind the latest keystroke) would overwrite what was typed. Only text from outside goes into the model.
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || emitted.current.includes(value) || value === editor.getValue()) return;
    emitted.current = [value];
    const model = editor.getModel()!;
    if (readOnly) return model.setValue(value);
    editor.executeEdits("clef-policy", [{ range: model.getFullModelRange(), text: value, forceMoveMarkers: true }]);
    editor.pushUndoStop();
  }, [value, readOnly]);

  const highlightKey = JSON.stringify(highlights ?? []);
  const applyHighlights = () => {
    const editor = editorRef.current;
    // Only viewers highlight: decorations set while typing would disturb Monaco's typed-over closing brackets.
    if (!editor || (!highlights && !decorations.current)) return;
    const ranges = (highlights ?? []).map((h) => new monaco.Range(h.start.line, h.start.column, h.end.line, h.end.column));
    decorations.current ??= editor.createDecorationsCollection();
    decorations.current.set(
      ranges.map((range) => ({
        range,
        options: { className: "clef-statement-highlight", linesDecorationsClassName: "clef-statement-margin", isWholeLine: false },
      })),
    );
    if (ranges[0]) editor.revealRangeInCenterIfOutsideViewport(ranges[0]);
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(applyHighlights, [highlightKey, value]);

  const reveal = (f: EditorFinding) => {
    const editor = editorRef.current;
    if (!editor) return;
    editor.setPosition({ lineNumber: f.line, column: f.column });
    editor.revealLineInCenter(f.line);
    editor.focus();
  };

  return (
    <div
      data-testid="policy-editor"
      data-highlights={highlights?.map((h) => `${h.start.line}-${h.end.line}`).join(",") || undefined}
      style={{ border: "1px solid #8c8c94", borderRadius: 8, overflow: "hidden" }}
    >
      {highlights && <style>{HIGHLIGHT_STYLE}</style>}
      <Editor
        height={height}
        language="json"
        defaultValue={value}
        onChange={(v) => {
          emitted.current = [...emitted.current.slice(-49), v ?? ""];
          onChange?.(v ?? "");
        }}
        onMount={(editor) => {
          editorRef.current = editor as unknown as monaco.editor.IStandaloneCodeEditor;
          if (editor.getValue() !== value) editor.setValue(value);
          emitted.current = [value];
          applyMarkers();
          applyHighlights();
        }}
        loading={<div aria-busy="true">Loading editor…</div>}
        options={{
          readOnly,
          domReadOnly: readOnly,
          minimap: { enabled: false },
          fontSize: 13,
          scrollBeyondLastLine: false,
          tabSize: 2,
          automaticLayout: true,
          fixedOverflowWidgets: true,
          renderValidationDecorations: "on",
        }}
      />
      {!readOnly && <PolicyFindings findings={findings} onSelect={reveal} />}
    </div>
  );
}
