import type { Handlers } from "../context";

export const rolesHandlers: Handlers = {};
