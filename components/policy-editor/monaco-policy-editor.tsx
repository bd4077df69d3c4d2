"use client";

import { useDeferredValue, useEffect, useEffectEvent, useMemo, useRef } from "react";
import { flushSync } from "react-dom";
import { positionAt } from "@/lib/policy/json";
import { checkFindings, policyGrammarFindings, type FindingKind, type PolicyFinding, type PolicyQuota } from "@/lib/policy/lint";
import { useAccountId } from "@/components/shell/shell-context";
import type { PolicyKind } from "@/lib/policy/types";
import { bindPolicyModel } from "./monaco-language";
import { monaco } from "./monaco-setup";
import { clearModelFindings, fixEdits, registerQuickFixes, setModelFindings } from "./monaco-quick-fixes";
import { PolicyFindings, type EditorFinding } from "./policy-findings";

registerQuickFixes();

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
  /** The size quota the policy is checked against (inline policies: "user", "group" or "role"); by default from `kind`. */
  quota?: PolicyQuota;
};

export type HighlightRange = { start: { line: number; column: number }; end: { line: number; column: number } };

const HIGHLIGHT_STYLE =
  ".clef-statement-highlight { background: rgba(255, 204, 0, 0.28); } .clef-statement-margin { background: #f89256; width: 4px !important; margin-left: 3px; }";

const toEditorFinding =
  (text: string, grammar: boolean) =>
  (f: PolicyFinding): EditorFinding => {
    const start = positionAt(text, f.span.start);
    const end = positionAt(text, f.span.end);
    return { ...f, source: text, grammar, line: start.line, column: start.column, end: { line: end.line, column: end.column } };
  };

const SEVERITY: Record<FindingKind, monaco.MarkerSeverity> = {
  ERROR: monaco.MarkerSeverity.Error,
  SECURITY_WARNING: monaco.MarkerSeverity.Warning,
  WARNING: monaco.MarkerSeverity.Warning,
  SUGGESTION: monaco.MarkerSeverity.Info,
};

const marker = (f: EditorFinding): monaco.editor.IMarkerData => ({
  severity: SEVERITY[f.kind],
  message: f.detail ? `${f.message} (${f.detail})` : f.message,
  code: f.learnMoreUrl ? { value: f.code, target: monaco.Uri.parse(f.learnMoreUrl) } : f.code,
  source: f.kind === "SECURITY_WARNING" ? "Security warning" : undefined,
  startLineNumber: f.line,
  startColumn: f.column,
  endLineNumber: f.end.line,
  endColumn: f.end.line === f.line && f.end.column === f.column ? f.column + 1 : f.end.column,
});

const EDITOR_OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions = {
  language: "json",
  minimap: { enabled: false },
  fontSize: 13,
  scrollBeyondLastLine: false,
  tabSize: 2,
  automaticLayout: true,
  fixedOverflowWidgets: true,
  renderValidationDecorations: "on",
};

const KIND_NAMES: Record<PolicyKind, string> = {
  identity: "Policy",
  trust: "Trust policy",
  resource: "Resource policy",
  scp: "Service control policy",
  rcp: "Resource control policy",
};

/** What a screen reader announces for the editor (Monaco's own is "Editor content"). */
const editorLabel = (kind: PolicyKind, readOnly?: boolean) => `${KIND_NAMES[kind]} ${readOnly ? "document" : "editor"}`;

/**
 * Monaco from the installed package, with live findings from lib/policy (the same code local-aws uses for
 * MalformedPolicyDocument) as markers and a list. The model is the document: the editor is created and its changes
 * subscribed to in one task, so no keystroke can reach the model unseen, and every change reaches `onChange`.
 */
export function MonacoPolicyEditor({
  value,
  onChange,
  kind = "identity",
  readOnly,
  height = 400,
  onFindings,
  managed,
  highlights,
  quota,
}: PolicyEditorProps) {
  const accountId = useAccountId();
  const containerRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const decorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const reported = useRef<string | null>(null);
  // Texts the editor itself emitted: a render may still carry one of them after newer keystrokes, and writing it back
  // would overwrite what was typed. Only text from outside goes into the model.
  const emitted = useRef<string[]>([]);
  const writing = useRef(false);

  const emitChange = useEffectEvent((text: string) => onChange?.(text));
  const reportFindings = useEffectEvent((messages: string[]) => onFindings?.(messages));
  const initialText = useEffectEvent(() => value);

  // AWS's grammar errors follow every keystroke (saving is blocked on them); the lint checks follow the deferred
  // text, so a long policy never delays typing.
  const grammar = useMemo(() => policyGrammarFindings(value, kind, { managed }), [value, kind, managed]);
  const checkedText = useDeferredValue(value);
  const checks = useMemo(() => {
    const options = { managed, quota, accountId };
    return checkFindings(checkedText, kind, options, policyGrammarFindings(checkedText, kind, options)).map(
      toEditorFinding(checkedText, false),
    );
  }, [checkedText, kind, managed, quota, accountId]);
  const findings = useMemo(() => [...grammar.map(toEditorFinding(value, true)), ...checks], [grammar, checks, value]);

  useEffect(() => {
    const model = monaco.editor.createModel(initialText(), "json");
    const editor = monaco.editor.create(containerRef.current!, { ...EDITOR_OPTIONS, model });
    const subscription = model.onDidChangeContent(() => {
      if (writing.current) return;
      const text = model.getValue();
      emitted.current = [...emitted.current.slice(-49), text];
      // Rendered now, whatever the event: Monaco types through EditContext, whose events React schedules as ordinary
      // (interruptible) updates. On a busy machine those renders fell far behind the typing, and a render that finally
      // committed carried a text older than the last 50 emitted: it was written back over what had been typed since.
      flushSync(() => emitChange(text));
    });
    editorRef.current = editor;
    return () => {
      clearModelFindings(model);
      subscription.dispose();
      editor.dispose();
      model.dispose();
      editorRef.current = null;
      decorations.current = null;
    };
  }, []);

  useEffect(() => {
    const binding = editorRef.current && bindPolicyModel(editorRef.current.getModel()!, { kind, accountId });
    return () => binding?.dispose();
  }, [kind, accountId]);

  useEffect(() => {
    editorRef.current?.updateOptions({ readOnly, domReadOnly: readOnly, ariaLabel: editorLabel(kind, readOnly) });
  }, [readOnly, kind]);

  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || value === model.getValue() || emitted.current.includes(value)) return;
    emitted.current = [];
    writing.current = true;
    try {
      if (readOnly) model.setValue(value);
      else {
        editor.executeEdits("clef-policy", [{ range: model.getFullModelRange(), text: value, forceMoveMarkers: true }]);
        editor.pushUndoStop();
      }
    } finally {
      writing.current = false;
    }
  }, [value, readOnly]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model) {
      monaco.editor.setModelMarkers(model, "clef-policy", findings.map(marker));
      setModelFindings(model, value, checkedText === value ? findings : findings.filter((f) => f.source === value));
    }
    const key = JSON.stringify(grammar.map((f) => f.message));
    if (reported.current !== key) {
      reported.current = key;
      reportFindings(grammar.map((f) => f.message));
    }
  }, [findings, grammar, value, checkedText]);

  const highlightKey = JSON.stringify(highlights ?? []);
  useEffect(() => {
    const editor = editorRef.current;
    const ranges: HighlightRange[] = JSON.parse(highlightKey);
    // Only viewers highlight: decorations set while typing would disturb Monaco's typed-over closing brackets.
    if (!editor || (!ranges.length && !decorations.current)) return;
    const monacoRanges = ranges.map((h) => new monaco.Range(h.start.line, h.start.column, h.end.line, h.end.column));
    decorations.current ??= editor.createDecorationsCollection();
    decorations.current.set(
      monacoRanges.map((range) => ({
        range,
        options: { className: "clef-statement-highlight", linesDecorationsClassName: "clef-statement-margin", isWholeLine: false },
      })),
    );
    if (monacoRanges[0]) editor.revealRangeInCenterIfOutsideViewport(monacoRanges[0]);
  }, [highlightKey, value]);

  const reveal = (f: EditorFinding) => {
    const editor = editorRef.current;
    if (!editor) return;
    editor.setPosition({ lineNumber: f.line, column: f.column });
    editor.revealLineInCenter(f.line);
    editor.focus();
  };

  const applyFix = (f: EditorFinding) => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    const edits = model && f.fix && fixEdits(model, f.source, f.fix);
    if (!editor || !edits) return;
    editor.pushUndoStop();
    editor.executeEdits("clef-policy-fix", edits);
    editor.pushUndoStop();
    editor.focus();
  };

  return (
    <div
      data-testid="policy-editor"
      data-highlights={highlights?.map((h) => `${h.start.line}-${h.end.line}`).join(",") || undefined}
      style={{ border: "1px solid #8c8c94", borderRadius: 8, overflow: "hidden" }}
    >
      {highlights && <style>{HIGHLIGHT_STYLE}</style>}
      <div ref={containerRef} style={{ height }} />
      {!readOnly && <PolicyFindings findings={findings} onSelect={reveal} onApplyFix={applyFix} kind={kind} />}
    </div>
  );
}
