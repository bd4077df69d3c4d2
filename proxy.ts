import { withAuth } from "next-auth/middleware";

/** Every console page needs a live session; route handlers under /api authenticate themselves (401 JSON). */
export default withAuth({
  pages: { signIn: "/signin" },
  callbacks: {
    authorized: ({ token }) => {
      const exp = (token?.principal as { credentials?: { expiration?: number } } | undefined)?.credentials?.expiration;
      return !!exp && exp > Date.now();
    },
  },
});

export const config = {
  matcher: ["/((?!api/|signin|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
