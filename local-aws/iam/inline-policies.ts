import type { Handlers } from "../context";

export const inlinePoliciesHandlers: Handlers = {};
