import type { Handlers } from "../context";

export const loginProfilesHandlers: Handlers = {};
