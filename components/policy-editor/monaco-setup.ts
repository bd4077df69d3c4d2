import * as monaco from "monaco-editor/editor";
import "monaco-editor/features/register.all";
import { jsonDefaults } from "monaco-editor/languages/features/json/register";

/**
 * Monaco from the installed package (never a CDN), with only the editor features and the JSON language, and its
 * web workers bundled by Next (Turbopack) from `new URL(..., import.meta.url)` so nothing runs on the main thread.
 */
self.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string) {
    if (label === "json") {
      return new Worker(new URL("monaco-editor/languages/features/json/json.worker", import.meta.url), { type: "module", name: label });
    }
    return new Worker(new URL("monaco-editor/editor/editor.worker", import.meta.url), { type: "module", name: label });
  },
};

// lib/policy is the one judge of the document (AWS's grammar, no comments): Monaco's own JSON diagnostics would
// disagree (it allows comments) and duplicate every syntax error.
jsonDefaults.setDiagnosticsOptions({ validate: false });

export { monaco };
