import type { Handlers } from "../context";

export const accessKeysHandlers: Handlers = {};
