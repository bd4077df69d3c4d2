import "server-only";
import { ListAccountAliasesCommand } from "@aws-sdk/client-iam";
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import { iamClient, stsClient } from "../aws-clients";
import { serverEnv } from "../env";
import { fromSdkError, ServiceError } from "../errors";
import type { Principal } from "../principal";

/** The console's role sessions last an hour at most, and never outlive the sign-in they were made from (AWS's rule). */
const ROLE_SESSION_SECONDS = 3600;
const MIN_DURATION_SECONDS = 900;

const accountNotFound = (alias: string) =>
  new ServiceError("ValidationError", `No account has the alias ${alias}.`, 422, { account: `No account has the alias ${alias}.` });

/**
 * "Account ID or alias" → the account ID. In local mode local-aws names the account of any alias (under /_clef/);
 * AWS offers no such lookup to a console, so in AWS mode only the signed-in account's own alias resolves.
 */
export async function accountIdFor({ principal, account }: { principal: Principal; account: string }): Promise<string> {
  if (/^\d{12}$/.test(account)) return account;
  const alias = account.toLowerCase();
  const env = serverEnv();
  if (env.backend === "local") {
    const res = await fetch(`${env.endpoint}/_clef/accounts/by-alias/${encodeURIComponent(alias)}`, { cache: "no-store" });
    if (res.status === 404) throw accountNotFound(account);
    if (!res.ok) throw new ServiceError("InternalError", "Something went wrong. Try again.", 500);
    return ((await res.json()) as { accountId: string }).accountId;
  }
  if (principal.accountAlias?.toLowerCase() === alias) return principal.accountId;
  throw new ServiceError("ValidationError", "Enter the account ID: only the signed-in account's alias can be looked up here.", 422, {
    account: "Enter the account ID: only the signed-in account's alias can be looked up here.",
  });
}

/** The role session's name: the signed-in user's name, as the AWS console names it (a role session's own name otherwise). */
export const consoleSessionName = (signedIn: Principal) =>
  signedIn.userName ?? (signedIn.type === "root" ? "root" : signedIn.arn.split("/").pop()!);

/** min(1 hour, what is left of the sign-in), at least STS's 900 seconds. */
export function consoleRoleDuration(signedIn: Principal, now: number): number {
  const left = Math.floor((signedIn.credentials.expiration - now) / 1000);
  return Math.max(MIN_DURATION_SECONDS, Math.min(ROLE_SESSION_SECONDS, left));
}

/**
 * STS AssumeRole with the signed-in principal's own credentials (never a role session's: the console does not chain),
 * no session tags, no external ID, no source identity; the role session becomes the principal the console acts as.
 */
export async function assumeRoleForConsole({
  signedIn,
  accountId,
  roleName,
  accountAlias,
  now = Date.now(),
}: {
  signedIn: Principal;
  accountId: string;
  roleName: string;
  accountAlias?: string;
  now?: number;
}): Promise<Principal> {
  const partition = signedIn.arn.split(":")[1] ?? "aws";
  try {
    const out = await stsClient(signedIn).send(
      new AssumeRoleCommand({
        RoleArn: `arn:${partition}:iam::${accountId}:role/${roleName}`,
        RoleSessionName: consoleSessionName(signedIn),
        DurationSeconds: consoleRoleDuration(signedIn, now),
      }),
    );
    const c = out.Credentials!;
    const credentials = {
      accessKeyId: c.AccessKeyId!,
      secretAccessKey: c.SecretAccessKey!,
      sessionToken: c.SessionToken,
      expiration: Math.min(c.Expiration!.getTime(), signedIn.credentials.expiration),
    };
    // The role may not list aliases: then the account shows by the alias typed, or by its ID.
    const alias = await iamClient({ credentials })
      .send(new ListAccountAliasesCommand({}))
      .then((r) => r.AccountAliases?.[0])
      .catch(() => accountAlias);
    return { type: "assumed-role", arn: out.AssumedRoleUser!.Arn!, accountId, accountAlias: alias, credentials };
  } catch (err) {
    throw fromSdkError(err);
  }
}
