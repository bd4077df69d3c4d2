import type { Handlers } from "../context";

/** AWS Organizations (JSON 1.1), one file per resource family. */
export const organizationsHandlers: Handlers = {};
