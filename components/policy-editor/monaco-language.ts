import { jsonDefaults } from "monaco-editor/languages/features/json/register";
import type { CompletionKind } from "@/lib/policy/complete";
import type { Span } from "@/lib/policy/types";
import type { PolicyKind } from "@/lib/policy/types";
import { api } from "@/lib/queries/api";
import type { CatalogueAction } from "@/lib/queries/catalogue";
import { monaco } from "./monaco-setup";

export type PolicyModelBinding = { kind: PolicyKind; accountId?: string };

const bindings = new WeakMap<monaco.editor.ITextModel, PolicyModelBinding>();
/** The action catalogue (~1 MB) comes in its own chunk, fetched when the first policy model is bound, not before the editor shows. */
let complete: Promise<typeof import("@/lib/policy/complete")> | undefined;

const KINDS: Record<CompletionKind, monaco.languages.CompletionItemKind> = {
  property: monaco.languages.CompletionItemKind.Property,
  value: monaco.languages.CompletionItemKind.Value,
  service: monaco.languages.CompletionItemKind.Module,
  action: monaco.languages.CompletionItemKind.Function,
  wildcard: monaco.languages.CompletionItemKind.Constant,
  operator: monaco.languages.CompletionItemKind.Operator,
  conditionKey: monaco.languages.CompletionItemKind.Field,
  resource: monaco.languages.CompletionItemKind.Reference,
  principal: monaco.languages.CompletionItemKind.User,
};

const toRange = (model: monaco.editor.ITextModel, span: Span) =>
  monaco.Range.fromPositions(model.getPositionAt(span.start), model.getPositionAt(span.end));

const completionProvider: monaco.languages.CompletionItemProvider = {
  triggerCharacters: ['"', ":"],
  async provideCompletionItems(model, position) {
    const binding = bindings.get(model);
    if (!binding) return undefined;
    const { completePolicy } = await complete!;
    if (model.isDisposed()) return undefined;
    const { span, items } = completePolicy(model.getValue(), model.getOffsetAt(position), binding.kind, { accountId: binding.accountId });
    const range = toRange(model, span);
    return {
      suggestions: items.map((item) => ({
        label: item.label,
        kind: KINDS[item.kind],
        detail: item.detail,
        documentation: item.documentation,
        insertText: item.insertText,
        insertTextRules: item.snippet ? monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
        sortText: item.sortText,
        range,
        command: item.retrigger ? { id: "editor.action.triggerSuggest", title: "Suggest" } : undefined,
      })),
    };
  },
};

// Descriptions stay on the server (2 MB for every action); a hover asks for its service's once.
const descriptions = new Map<string, Promise<Map<string, string>>>();

function actionDescription(action: string): Promise<string | undefined> {
  const service = action.slice(0, action.indexOf(":"));
  let found = descriptions.get(service);
  if (!found) {
    found = api<CatalogueAction[]>(`/api/catalogue/actions?service=${encodeURIComponent(service)}`).then(
      (actions) => new Map(actions.flatMap((a) => (a.description ? [[a.action, a.description] as const] : []))),
      () => (descriptions.delete(service), new Map<string, string>()),
    );
    descriptions.set(service, found);
  }
  return found.then((byAction) => byAction.get(action));
}

const hoverProvider: monaco.languages.HoverProvider = {
  async provideHover(model, position) {
    if (!bindings.has(model)) return undefined;
    const { hoverPolicy } = await complete!;
    if (model.isDisposed()) return undefined;
    const hover = hoverPolicy(model.getValue(), model.getOffsetAt(position));
    if (!hover) return undefined;
    const description = hover.action ? await actionDescription(hover.action) : undefined;
    const contents = [...(description ? [{ value: description }] : []), { value: hover.markdown }];
    return model.isDisposed() ? undefined : { range: toRange(model, hover.span), contents };
  },
};

/**
 * Our providers, once: Monaco's own JSON completion (keys and values seen elsewhere in the document) and word
 * suggestions would drown them, and every policy key and value is a string, so suggestions open inside strings.
 */
function register() {
  if (complete) return;
  complete = import("@/lib/policy/complete");
  jsonDefaults.setModeConfiguration({ ...jsonDefaults.modeConfiguration, completionItems: false, hovers: false });
  monaco.languages.registerCompletionItemProvider("json", completionProvider);
  monaco.languages.registerHoverProvider("json", hoverProvider);
  monaco.editor.onDidCreateEditor((editor) =>
    (editor as monaco.editor.IStandaloneCodeEditor).updateOptions({
      quickSuggestions: { strings: "on", other: "on", comments: "off" },
      wordBasedSuggestions: "off",
    }),
  );
}

/** Completion and hover for a policy model, by its kind (trust policies get principals...); dispose to unbind. */
export function bindPolicyModel(model: monaco.editor.ITextModel, binding: PolicyModelBinding): monaco.IDisposable {
  register();
  bindings.set(model, binding);
  return { dispose: () => bindings.delete(model) };
}
