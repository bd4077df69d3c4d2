import { join } from "node:path";
import { SIGNIN_THROTTLE, type SignInThrottleConfig } from "./signin-throttle";

export type LocalAwsConfig = {
  host: string;
  port: number;
  dataDir: string;
  accountId: string;
  rootAccessKeyId: string;
  rootSecretAccessKey: string;
  region: string;
  /** IAM users per account: AWS's default quota is 5,000, raisable through Service Quotas, and so here. */
  usersPerAccount: number;
  /** Groups (AWS: 300), roles (1,000) and customer managed policies (1,500) per account, raisable here as above. */
  groupsPerAccount: number;
  rolesPerAccount: number;
  policiesPerAccount: number;
  /** The root user's console sign-in; with no password set, the first start generates one and prints it once. */
  rootEmail: string;
  rootPassword?: string;
  /** The default account's name, as Organizations shows it once the account manages an organization. */
  accountName: string;
  /** Host names (or name:port) besides loopback that requests may carry, e.g. a container's service name. */
  allowedHosts: string[];
  /** Browser origins whose requests are served: the console's own; a request with any other Origin is refused. */
  allowedOrigins: string[];
  /** How repeated failed console sign-ins are slowed down (see signin-throttle.ts). */
  signInThrottle: SignInThrottleConfig;
  /** Organizations: how long CreateAccount stays IN_PROGRESS, and how old a created account must be to leave. */
  createAccountSeconds: number;
  createdAccountMinAgeSeconds: number;
  /** Organizations' default quota of accounts per organization (10, adjustable as Service Quotas would). */
  accountsPerOrganization: number;
};

/** What handlers may read of the configuration. */
export type Settings = Pick<LocalAwsConfig, "createAccountSeconds" | "createdAccountMinAgeSeconds" | "accountsPerOrganization">;

export const settingsOf = (c: LocalAwsConfig): Settings => ({
  createAccountSeconds: c.createAccountSeconds,
  createdAccountMinAgeSeconds: c.createdAccountMinAgeSeconds,
  accountsPerOrganization: c.accountsPerOrganization,
});

/** The account quotas handlers enforce and GetAccountSummary reports. */
export type Quotas = Pick<LocalAwsConfig, "usersPerAccount" | "groupsPerAccount" | "rolesPerAccount" | "policiesPerAccount">;

export const quotasOf = (c: LocalAwsConfig): Quotas => ({
  usersPerAccount: c.usersPerAccount,
  groupsPerAccount: c.groupsPerAccount,
  rolesPerAccount: c.rolesPerAccount,
  policiesPerAccount: c.policiesPerAccount,
});

/** A start-up failure the user can fix, said in one line (the launchers print its message, not a stack trace). */
export class StartError extends Error {}

const list = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);

export function configFromEnv(env: Record<string, string | undefined> = process.env): LocalAwsConfig {
  const accountId = env.LOCAL_AWS_ACCOUNT_ID ?? "000000000000";
  if (!/^\d{12}$/.test(accountId)) throw new StartError(`local-aws: LOCAL_AWS_ACCOUNT_ID must be 12 digits, got "${accountId}"`);
  const port = Number(env.LOCAL_AWS_PORT ?? 4566);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new StartError(`local-aws: LOCAL_AWS_PORT must be a port number (0-65535), got "${env.LOCAL_AWS_PORT}"`);
  }
  return {
    host: env.LOCAL_AWS_HOST ?? "127.0.0.1",
    port,
    dataDir: env.CLEF_DATA_DIR ?? join(process.cwd(), ".clef"),
    accountId,
    rootAccessKeyId: env.LOCAL_AWS_ROOT_ACCESS_KEY_ID ?? "test",
    rootSecretAccessKey: env.LOCAL_AWS_ROOT_SECRET_ACCESS_KEY ?? "test",
    region: env.LOCAL_AWS_REGION ?? "us-east-1",
    usersPerAccount: Number(env.LOCAL_AWS_QUOTA_USERS_PER_ACCOUNT ?? 5000),
    groupsPerAccount: Number(env.LOCAL_AWS_QUOTA_GROUPS_PER_ACCOUNT ?? 300),
    rolesPerAccount: Number(env.LOCAL_AWS_QUOTA_ROLES_PER_ACCOUNT ?? 1000),
    policiesPerAccount: Number(env.LOCAL_AWS_QUOTA_POLICIES_PER_ACCOUNT ?? 1500),
    rootEmail: env.CLEF_ROOT_EMAIL ?? "admin@clef.local",
    rootPassword: env.CLEF_ROOT_PASSWORD || undefined,
    accountName: env.LOCAL_AWS_ACCOUNT_NAME || "Clef local account",
    allowedHosts: list(env.LOCAL_AWS_ALLOWED_HOSTS).map((h) => h.toLowerCase()),
    allowedOrigins: list(env.LOCAL_AWS_ALLOWED_ORIGINS).map((o) => o.replace(/\/+$/, "").toLowerCase()),
    signInThrottle: SIGNIN_THROTTLE,
    createAccountSeconds: Number(env.LOCAL_AWS_CREATE_ACCOUNT_SECONDS ?? 3),
    // AWS: "you must wait until at least four days after the account was created" before it can leave.
    createdAccountMinAgeSeconds: Number(env.LOCAL_AWS_CREATED_ACCOUNT_MIN_AGE_SECONDS ?? 4 * 24 * 3600),
    accountsPerOrganization: Number(env.LOCAL_AWS_QUOTA_ACCOUNTS_PER_ORGANIZATION ?? 10),
  };
}
