/**
 * Where to send a user after sign-in: the path of `value` if it stays on `origin`, else "/". The value is parsed as the
 * browser will parse it (WHATWG URL: backslashes are slashes, tabs and newlines vanish, userinfo moves the host), and the
 * result is a normalized path that cannot be read as protocol-relative ("//host") when it is followed.
 */
export function sameOriginPath(value: unknown, origin: string): string {
  if (typeof value !== "string" || value === "") return "/";
  try {
    const base = new URL(origin);
    const url = new URL(value, base);
    // A blob: URL has its creator's origin, hence the protocol check.
    if (url.protocol !== base.protocol || url.origin !== base.origin || url.pathname.startsWith("//")) return "/";
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/";
  }
}
