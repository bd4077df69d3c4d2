import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
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
