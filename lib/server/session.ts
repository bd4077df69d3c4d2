import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { stsClient } from "./aws-clients";
import { ServiceError, unauthorized } from "./errors";
import { ROLE_SESSION_ENDED } from "@/lib/switch-role";
import type { Principal } from "./principal";
import { activeSession, withRoleEnded, type ActiveSession, type ConsoleToken } from "./switch-role";

const COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/** The decrypted next-auth session token; undefined when absent or unreadable. */
async function sessionToken(): Promise<ConsoleToken | undefined> {
  const jar = await cookies();
  const raw = COOKIES.map((n) => jar.get(n)?.value ?? chunked(jar, n)).find(Boolean);
  if (!raw) return undefined;
  return ((await decode({ token: raw, secret: process.env.NEXTAUTH_SECRET! }).catch(() => null)) as ConsoleToken | null) ?? undefined;
}

/**
 * The principal the console acts as: the role session while switched, else the signed-in principal (also once a role
 * session has ended, for pages: the console layout switches back); undefined when signed out or expired.
 */
export async function currentPrincipal(): Promise<Principal | undefined> {
  return activeSession(await sessionToken())?.principal;
}

/** next-auth splits session cookies over 4 KB into `name.0`, `name.1`, ... */
function chunked(jar: Awaited<ReturnType<typeof cookies>>, name: string): string | undefined {
  let value = "";
  for (let i = 0; jar.get(`${name}.${i}`); i++) value += jar.get(`${name}.${i}`)!.value;
  return value || undefined;
}

/**
 * The principal for an API call. A page made as a role whose session has since expired must not go on as the
 * signed-in principal, in another account: it is refused, and reloads.
 */
export async function requirePrincipal(): Promise<Principal> {
  const s = activeSession(await sessionToken());
  if (!s) throw unauthorized();
  if (s.ended) throw roleSessionEnded();
  return s.principal;
}

const roleSessionEnded = () => new ServiceError(ROLE_SESSION_ENDED, "Your role session has ended. Reload the page.", 401);

const REFUSED_CREDENTIALS = ["Unauthorized", "InvalidClientTokenId", "ExpiredToken"];

/**
 * A call refused because AWS no longer accepts the role session's credentials (revoked, the role deleted) ends the
 * role session, not the console's: the page reloads and switches back instead of sending the user to sign in.
 */
export async function roleSessionEndedOr(err: unknown): Promise<unknown> {
  const code = err instanceof ServiceError ? err.code : (err as { name?: string })?.name;
  if (!code || !REFUSED_CREDENTIALS.includes(code)) return err;
  return activeSession(await sessionToken().catch(() => undefined))?.switched ? roleSessionEnded() : err;
}

/**
 * The console layout's session, its credentials checked: a role session AWS no longer accepts (revoked, role deleted)
 * counts as ended, and the console goes on as the signed-in principal if its own session still works.
 */
export async function currentConsoleSession(): Promise<ActiveSession | undefined> {
  let s = activeSession(await sessionToken());
  if (s?.switched && !(await credentialsStillValid(s.principal))) s = withRoleEnded(s);
  if (!s || !(await credentialsStillValid(s.principal))) return undefined;
  return s;
}

/**
 * Whether the session's credentials still work (sign-out elsewhere revokes them before they expire). STS
 * GetCallerIdentity needs no permission, so only a revoked or expired token fails it; other failures (the backend
 * being down) are left to the page to report.
 */
export async function credentialsStillValid(principal: Principal): Promise<boolean> {
  try {
    await stsClient(principal).send(new GetCallerIdentityCommand({}));
    return true;
  } catch (err) {
    const name = (err as { name?: string }).name ?? "";
    return !["ExpiredToken", "ExpiredTokenException", "InvalidClientTokenId"].includes(name);
  }
}
