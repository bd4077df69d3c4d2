import type { Harness } from "./local-aws";

/** The root user of a harness's account as the console's services take it (a Principal). */
export const rootPrincipal = (h: Harness) => ({
  type: "root" as const,
  arn: `arn:aws:iam::${h.config.accountId}:root`,
  accountId: h.config.accountId,
  credentials: { accessKeyId: h.config.rootAccessKeyId, secretAccessKey: h.config.rootSecretAccessKey, expiration: Date.now() + 3_600_000 },
});
