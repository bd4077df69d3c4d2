import type { Settings } from "./config";
import type { Db } from "./store/db";

/** Who is calling: the account root, an IAM user, or (later) an assumed-role session. */
export type Caller = {
  type: "root" | "user" | "assumed-role";
  accountId: string;
  arn: string;
  userId: string;
  userName?: string;
  accessKeyId: string;
  /** Set for temporary (ASIA) credentials: how they were issued. */
  session?: { source: string; mfaAuthenticated: boolean; expiration: string };
};

export type Ctx = {
  db: Db;
  accountId: string;
  caller: Caller;
  requestId: string;
  region: string;
  now: Date;
  sourceIp: string;
  quotas: { usersPerAccount: number };
  settings: Settings;
};

export type Handler = (input: any, ctx: Ctx) => Record<string, unknown> | void;
export type Handlers = Record<string, Handler>;
