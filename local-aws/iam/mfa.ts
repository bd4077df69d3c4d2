import type { Handlers } from "../context";

export const mfaHandlers: Handlers = {};
