import type { Handlers } from "../context";

export const credentialReportHandlers: Handlers = {};
