import type { Handlers } from "../context";

export const accountHandlers: Handlers = {};
