import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { newNonce, pageContentSecurityPolicy } from "@/lib/security-headers";

/** Next.js reads the nonce from the request's CSP and puts it on every script it renders; the browser gets the same CSP. */
function withContentSecurityPolicy(req: NextRequest) {
  const csp = pageContentSecurityPolicy(newNonce(), process.env.NODE_ENV === "development");
  const headers = new Headers(req.headers);
  headers.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", csp);
  return res;
}

/** Every console page needs a live session; route handlers under /api authenticate themselves (401 JSON). */
const withSession = withAuth(withContentSecurityPolicy, {
  pages: { signIn: "/signin" },
  callbacks: {
    authorized: ({ token }) => {
      const exp = (token?.principal as { credentials?: { expiration?: number } } | undefined)?.credentials?.expiration;
      return !!exp && exp > Date.now();
    },
  },
});

export default function proxy(req: NextRequest, event: NextFetchEvent) {
  return req.nextUrl.pathname === "/signin" ? withContentSecurityPolicy(req) : withSession(req as NextRequestWithAuth, event);
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
