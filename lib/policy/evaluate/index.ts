export { compilePolicy } from "./compile";
export { evaluate } from "./evaluate";
export { accessDeniedMessage, type MessageOptions } from "./message";
export { contextKeysOf } from "./context-keys";
export type * from "./types";
