import Module, { createRequire } from "node:module";
import type { Harness } from "./local-aws";

const require = createRequire(__filename);

/**
 * lib/server modules import "server-only", which throws outside Next's server bundles. Tests load them in Node
 * through this: the marker resolves to an empty module, as Next's react-server condition makes it.
 */
export function allowServerOnly() {
  const path = require.resolve("server-only");
  const stub = new Module(path);
  stub.filename = path;
  stub.loaded = true;
  stub.exports = {};
  require.cache[path] = stub;
}

/** The root user of a harness's account as the console's services take it (a Principal). */
export const rootPrincipal = (h: Harness) => ({
  type: "root" as const,
  arn: `arn:aws:iam::${h.config.accountId}:root`,
  accountId: h.config.accountId,
  credentials: { accessKeyId: h.config.rootAccessKeyId, secretAccessKey: h.config.rootSecretAccessKey, expiration: Date.now() + 3_600_000 },
});
