import type { Handlers } from "../context";

export const instanceProfilesHandlers: Handlers = {};
