import "server-only";
import { GetCallerIdentityCommand, GetSessionTokenCommand, STSClient } from "@aws-sdk/client-sts";
import { IAMClient, ListAccountAliasesCommand } from "@aws-sdk/client-iam";
import { fromIni } from "@aws-sdk/credential-providers";
import { serverEnv } from "./env";
import type { Principal } from "./principal";
import type { SignInInput } from "@/lib/schemas/sign-in";

export class SignInError extends Error {}

const INCORRECT = "Your authentication information is incorrect. Please try again.";

/** Local mode: local-aws checks the password under /_clef/ and returns the session's temporary credentials. */
async function localSignIn(input: SignInInput, endpoint: string): Promise<Principal> {
  if (input.type !== "root" && input.type !== "iam") throw new SignInError("Sign in as the root user or an IAM user in local mode.");
  const body =
    input.type === "root"
      ? { type: "root", email: input.email, password: input.password }
      : { type: "iam", account: input.account, userName: input.userName, password: input.password };
  const res = await fetch(`${endpoint}/_clef/console-signin`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    cache: "no-store",
  });
  if (res.status === 401 || res.status === 400) throw new SignInError(INCORRECT);
  if (!res.ok) throw new SignInError("The sign-in service is not available. Try again.");
  const r = await res.json();
  return {
    type: r.principal.type,
    arn: r.principal.arn,
    accountId: r.principal.accountId,
    accountAlias: r.accountAlias,
    userName: r.principal.userName,
    passwordResetRequired: r.passwordResetRequired || r.passwordExpired,
    credentials: {
      accessKeyId: r.credentials.AccessKeyId,
      secretAccessKey: r.credentials.SecretAccessKey,
      sessionToken: r.credentials.SessionToken,
      expiration: Date.parse(r.credentials.Expiration),
    },
  };
}

/** AWS mode: access keys (or a named server profile) are checked with STS and traded for session credentials. */
async function awsSignIn(input: SignInInput, region: string): Promise<Principal> {
  if (input.type !== "keys" && input.type !== "profile") throw new SignInError("Sign in with access keys or a profile in AWS mode.");
  const credentials =
    input.type === "keys" ? { accessKeyId: input.accessKeyId, secretAccessKey: input.secretAccessKey } : await fromIni({ profile: input.profile })();
  const sts = new STSClient({ region, credentials });
  try {
    const id = await sts.send(new GetCallerIdentityCommand({}));
    const isRoot = id.Arn!.endsWith(":root");
    const session = credentials.sessionToken
      ? { AccessKeyId: credentials.accessKeyId, SecretAccessKey: credentials.secretAccessKey, SessionToken: credentials.sessionToken, Expiration: credentials.expiration ?? new Date(Date.now() + 3600_000) }
      : (await sts.send(new GetSessionTokenCommand({ DurationSeconds: isRoot ? 3600 : 43200 }))).Credentials!;
    const creds = { accessKeyId: session.AccessKeyId!, secretAccessKey: session.SecretAccessKey!, sessionToken: session.SessionToken };
    const alias = await new IAMClient({ region, credentials: creds })
      .send(new ListAccountAliasesCommand({}))
      .then((r) => r.AccountAliases?.[0])
      .catch(() => undefined);
    const type = isRoot ? "root" : id.Arn!.includes(":assumed-role/") ? "assumed-role" : "user";
    return {
      type,
      arn: id.Arn!,
      accountId: id.Account!,
      accountAlias: alias,
      userName: type === "user" ? id.Arn!.split("/").pop() : undefined,
      credentials: { ...creds, expiration: new Date(session.Expiration!).getTime() },
    };
  } catch (err) {
    if (err instanceof SignInError) throw err;
    throw new SignInError(INCORRECT);
  }
}

export async function signIn(input: SignInInput): Promise<Principal> {
  const env = serverEnv();
  return env.backend === "local" ? localSignIn(input, env.endpoint!) : awsSignIn(input, env.region);
}

export async function signOutLocal(accessKeyId: string): Promise<void> {
  const env = serverEnv();
  if (env.backend !== "local") return;
  await fetch(`${env.endpoint}/_clef/console-signout`, { method: "POST", body: JSON.stringify({ accessKeyId }) }).catch(() => undefined);
}
