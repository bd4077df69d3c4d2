// eslint-disable-next-line no-restricted-imports -- lib/zod.ts's namespace; add a member here when a schema needs it
export { array, boolean, coerce, discriminatedUnion, enum, literal, number, object, preprocess, string, union } from "zod";
export type { infer, input, RefinementCtx } from "zod";
