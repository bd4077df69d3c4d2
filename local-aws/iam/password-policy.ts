import type { Handlers } from "../context";

export const passwordPolicyHandlers: Handlers = {};
