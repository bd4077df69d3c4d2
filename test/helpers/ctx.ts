import { configFromEnv, settingsOf } from "../../local-aws/config";
import type { Ctx } from "../../local-aws/context";
import type { Harness } from "./local-aws";
import { ACCOUNT } from "./iam-user";

/** A request context for calling authorization rules in process, as an IAM user of the default account. */
export const userCtx = (h: Harness, user: { arn: string; name: string; accessKeyId: string }): Ctx => ({
  db: h.aws.db,
  accountId: ACCOUNT,
  requestId: "r",
  region: "us-east-1",
  now: new Date(),
  sourceIp: "127.0.0.1",
  quotas: { usersPerAccount: 5000, groupsPerAccount: 300, rolesPerAccount: 1000, policiesPerAccount: 1500 },
  settings: settingsOf(configFromEnv({})),
  caller: { type: "user", accountId: ACCOUNT, arn: user.arn, userId: "AIDA", userName: user.name, accessKeyId: user.accessKeyId },
});
