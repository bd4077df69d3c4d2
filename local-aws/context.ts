import type { Quotas, Settings } from "./config";
import type { Db } from "./store/db";

/**
 * Who is calling: the account root, an IAM user, a role session (AssumeRole*), a federated user (GetFederationToken),
 * or nobody yet (the unsigned AssumeRoleWithWebIdentity and AssumeRoleWithSAML, which authenticate with their token).
 */
export type Caller = {
  type: "root" | "user" | "assumed-role" | "federated-user" | "anonymous";
  accountId: string;
  /** As GetCallerIdentity shows it: `arn:aws:iam::A:user/u`, `arn:aws:sts::A:assumed-role/R/S`, `arn:aws:sts::A:federated-user/N`. */
  arn: string;
  /** aws:userid: AIDA..., the account ID for root, `AROA...:S` for role sessions, `A:N` for federated users. */
  userId: string;
  userName?: string;
  accessKeyId: string;
  /** Set for temporary (ASIA) credentials: how they were issued. */
  session?: { source: string; mfaAuthenticated: boolean; expiration: string; issued: string; mfaTime?: string };
  /** Role sessions: the role assumed (its ARN has the path the session ARN leaves out) and the session's name. */
  role?: { id: string; name: string; arn: string; sessionName: string };
  /** Federated users: the IAM user (or root) whose credentials called GetFederationToken. */
  federatedBy?: { arn: string; userId?: string };
  /** What the session was issued with, and is evaluated with on every request. */
  sessionPolicies?: SessionPolicy[];
  sessionTags?: { Key: string; Value: string }[];
  transitiveTagKeys?: string[];
  sourceIdentity?: string;
  /** A role session whose credentials came from another role session (role chaining). */
  chained?: boolean;
};

/** A session policy as stored: inline text, or a managed policy's ARN (its default version applies at each request). */
export type SessionPolicy = { text: string } | { arn: string };

export type Ctx = {
  db: Db;
  accountId: string;
  caller: Caller;
  requestId: string;
  region: string;
  now: Date;
  sourceIp: string;
  quotas: Quotas;
  settings: Settings;
};

export type Handler = (input: any, ctx: Ctx) => Record<string, unknown> | void;
export type Handlers = Record<string, Handler>;
