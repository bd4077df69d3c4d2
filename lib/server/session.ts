import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { stsClient } from "./aws-clients";
import { unauthorized } from "./errors";
import type { Principal } from "./principal";

const COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/** The signed-in principal, decrypted from the next-auth session cookie; undefined when absent or expired. */
export async function currentPrincipal(): Promise<Principal | undefined> {
  const jar = await cookies();
  const raw = COOKIES.map((n) => jar.get(n)?.value ?? chunked(jar, n)).find(Boolean);
  if (!raw) return undefined;
  const token = await decode({ token: raw, secret: process.env.NEXTAUTH_SECRET! }).catch(() => null);
  const principal = token?.principal as Principal | undefined;
  if (!principal || principal.credentials.expiration <= Date.now()) return undefined;
  return principal;
}

/** next-auth splits session cookies over 4 KB into `name.0`, `name.1`, ... */
function chunked(jar: Awaited<ReturnType<typeof cookies>>, name: string): string | undefined {
  let value = "";
  for (let i = 0; jar.get(`${name}.${i}`); i++) value += jar.get(`${name}.${i}`)!.value;
  return value || undefined;
}

export async function requirePrincipal(): Promise<Principal> {
  const p = await currentPrincipal();
  if (!p) throw unauthorized();
  return p;
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
