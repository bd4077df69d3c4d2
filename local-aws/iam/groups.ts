import type { Handlers } from "../context";

export const groupsHandlers: Handlers = {};
