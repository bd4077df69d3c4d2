export { completePolicy } from "./complete";
export type { CompleteOptions, CompletionKind, PolicyCompletionItem, PolicyCompletions } from "./complete";
export { hoverPolicy, referenceUrl } from "./hover";
export type { PolicyHover } from "./hover";
