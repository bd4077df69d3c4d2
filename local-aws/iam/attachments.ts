import type { Handlers } from "../context";

export const attachmentsHandlers: Handlers = {};
