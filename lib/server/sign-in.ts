import "server-only";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { IAMClient, ListAccountAliasesCommand } from "@aws-sdk/client-iam";
import { fromIni } from "@aws-sdk/credential-providers";
import { serverEnv, signInThrottleEnv } from "./env";
import type { Principal } from "./principal";
import { createSignInThrottle, throttledMessage, type SignInThrottle } from "./sign-in-throttle";
import type { SignInInput } from "@/lib/schemas/sign-in";

/** `incorrect`: the credentials were checked and refused, which counts toward the sign-in throttle. */
export class SignInError extends Error {
  constructor(
    message: string,
    readonly incorrect = false,
  ) {
    super(message);
  }
}

const INCORRECT = "Your authentication information is incorrect. Please try again.";

/** local-aws throttles too (per user and per end client): its 429 words reach the user as they are. */
async function throttledByLocalAws(res: Response): Promise<string> {
  const body = await res.json().catch(() => undefined);
  const message = body?.error ?? body?.message;
  return typeof message === "string" && message ? message : "Too many failed sign-in attempts. Wait and try again.";
}

/** Local mode: local-aws checks the password under /_clef/ and returns the session's temporary credentials. */
async function localSignIn(input: SignInInput, endpoint: string, clientIp: string | undefined): Promise<Principal> {
  if (input.type !== "root" && input.type !== "iam") throw new SignInError("Sign in as the root user or an IAM user in local mode.");
  const body =
    input.type === "root"
      ? { type: "root", email: input.email, password: input.password, clientIp }
      : { type: "iam", account: input.account, userName: input.userName, password: input.password, clientIp };
  const res = await fetch(`${endpoint}/_clef/console-signin`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    cache: "no-store",
  });
  if (res.status === 401 || res.status === 400) throw new SignInError(INCORRECT, true);
  if (res.status === 429) throw new SignInError(await throttledByLocalAws(res));
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

/** How long an AWS-mode session keeps long-term keys (the console session's own lifetime). */
const AWS_KEYS_SESSION_MS = 12 * 3600_000;

/**
 * AWS mode: access keys (or a named server profile) are checked with STS GetCallerIdentity. Temporary credentials
 * (a profile's role session) are used as they are, until they expire. Long-term keys are kept as they are too, only
 * inside the encrypted session and for at most 12 hours: AWS refuses IAM calls made with GetSessionToken credentials
 * obtained without MFA, so trading them for a session token would leave the console unable to call IAM.
 */
async function awsSignIn(input: SignInInput, region: string): Promise<Principal> {
  if (input.type !== "keys" && input.type !== "profile") throw new SignInError("Sign in with access keys or a profile in AWS mode.");
  try {
    const credentials =
      input.type === "keys"
        ? { accessKeyId: input.accessKeyId, secretAccessKey: input.secretAccessKey }
        : await fromIni({ profile: input.profile })();
    const id = await new STSClient({ region, credentials }).send(new GetCallerIdentityCommand({}));
    const isRoot = id.Arn!.endsWith(":root");
    const creds = {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
    };
    const expiration = credentials.sessionToken
      ? (credentials.expiration?.getTime() ?? Date.now() + 3600_000)
      : Date.now() + AWS_KEYS_SESSION_MS;
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
      credentials: { ...creds, expiration },
    };
  } catch (err) {
    if (err instanceof SignInError) throw err;
    throw new SignInError(INCORRECT, true);
  }
}

/** Whose failures these are: the root email, the account and user name, the access key ID or the profile. */
function userKey(input: SignInInput): string {
  if (input.type === "root") return `root:${input.email.toLowerCase()}`;
  // IAM user names are unique without regard to case, as are aliases.
  if (input.type === "iam") return `iam:${input.account.toLowerCase()}:${input.userName.toLowerCase()}`;
  return input.type === "keys" ? `keys:${input.accessKeyId}` : `profile:${input.profile}`;
}

// One throttle per server process (kept on globalThis so a dev server's module reloads keep the counts).
const store = globalThis as { clefSignInThrottle?: SignInThrottle };
const throttle = () => (store.clefSignInThrottle ??= createSignInThrottle(signInThrottleEnv()));

/** Signs in unless the user or the client has failed too often lately; `clientIp` is the end client's address. */
export async function signIn(input: SignInInput, clientIp: string | undefined): Promise<Principal> {
  const env = serverEnv();
  const attempt = throttle().begin(userKey(input), clientIp);
  if ("waitSeconds" in attempt) throw new SignInError(throttledMessage(attempt.waitSeconds));
  try {
    const principal = await (env.backend === "local" ? localSignIn(input, env.endpoint!, clientIp) : awsSignIn(input, env.region));
    attempt.succeeded();
    return principal;
  } catch (err) {
    if (err instanceof SignInError && err.incorrect) attempt.failed();
    else attempt.abandoned();
    throw err;
  }
}

/**
 * Whether a signed-in principal must still change its password. Local mode asks local-aws about the session; in AWS
 * mode the console signs in with access keys, which never carry that requirement.
 */
export async function mustStillChangePassword(principal: Principal): Promise<boolean> {
  const env = serverEnv();
  if (env.backend !== "local") return false;
  const res = await fetch(`${env.endpoint}/_clef/console-session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ accessKeyId: principal.credentials.accessKeyId }),
    cache: "no-store",
  }).catch(() => undefined);
  if (!res?.ok) return true;
  return ((await res.json()) as { passwordResetRequired: boolean }).passwordResetRequired;
}

export async function signOutLocal(accessKeyId: string): Promise<void> {
  const env = serverEnv();
  if (env.backend !== "local") return;
  await fetch(`${env.endpoint}/_clef/console-signout`, { method: "POST", body: JSON.stringify({ accessKeyId }) }).catch(() => undefined);
}
