import type { PolicyFinding, QuickFix } from "@/lib/policy/lint";
import { monaco } from "./monaco-setup";

type ModelFindings = { text: string; findings: readonly PolicyFinding[] };

const byModel = new Map<string, ModelFindings>();
let registered = false;

const rangeOf = (model: monaco.editor.ITextModel, span: { start: number; end: number }) => {
  const start = model.getPositionAt(span.start);
  const end = model.getPositionAt(span.end);
  return new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column);
};

/**
 * The edits of a fix as Monaco edits, or undefined when the findings were computed for another text than the
 * model's (a fix's offsets are only right for the text they were found in).
 */
export function fixEdits(
  model: monaco.editor.ITextModel,
  text: string,
  fix: QuickFix,
): monaco.editor.IIdentifiedSingleEditOperation[] | undefined {
  if (model.getValue() !== text) return undefined;
  return fix.edits.map((e) => ({ range: rangeOf(model, e.span), text: e.text, forceMoveMarkers: true }));
}

/** Records the findings of a model's text, for the quick fixes offered at the cursor. */
export function setModelFindings(model: monaco.editor.ITextModel, text: string, findings: readonly PolicyFinding[]) {
  byModel.set(model.uri.toString(), { text, findings });
}

export function clearModelFindings(model: monaco.editor.ITextModel) {
  byModel.delete(model.uri.toString());
}

/** Registers, once, the code action provider that offers each finding's fix as a quick fix ("Ctrl+." or the light bulb). */
export function registerQuickFixes() {
  if (registered) return;
  registered = true;
  monaco.languages.registerCodeActionProvider("json", {
    provideCodeActions(model, range, context) {
      const entry = byModel.get(model.uri.toString());
      if (!entry || entry.text !== model.getValue()) return { actions: [], dispose() {} };
      const actions = entry.findings.flatMap((f): monaco.languages.CodeAction[] => {
        if (!f.fix || !rangeOf(model, f.span).intersectRanges(range)) return [];
        const diagnostics = context.markers.filter((m) => m.code === f.code || (typeof m.code === "object" && m.code.value === f.code));
        return [
          {
            title: f.fix.title,
            kind: "quickfix",
            isPreferred: true,
            diagnostics,
            edit: {
              edits: f.fix.edits.map((e) => ({
                resource: model.uri,
                versionId: model.getVersionId(),
                textEdit: { range: rangeOf(model, e.span), text: e.text },
              })),
            },
          },
        ];
      });
      return { actions, dispose() {} };
    },
  });
}
