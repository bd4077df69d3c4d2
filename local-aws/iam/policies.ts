import type { Handlers } from "../context";

export const policiesHandlers: Handlers = {};
