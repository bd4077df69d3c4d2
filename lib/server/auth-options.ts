import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { sameOriginPath } from "@/lib/same-origin-path";
import { signInSchema } from "@/lib/schemas/sign-in";
import { signInThrottleEnv } from "./env";
import { mustStillChangePassword, signIn, SignInError } from "./sign-in";
import { clientAddress } from "./sign-in-throttle";
import type { Principal } from "./principal";
import { activeSession, endConsoleSessions, updateConsoleToken, type ConsoleToken } from "./switch-role";

const SESSION_SECONDS = 12 * 60 * 60;

/**
 * The principal (with its temporary credentials) rides in the encrypted next-auth JWT, and so does the role session
 * while switched (lib/server/switch-role.ts); the client sees identity only.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_SECONDS },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      id: "clef",
      name: "Clef",
      credentials: {},
      async authorize(raw, req) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new Error("Your authentication information is incorrect. Please try again.");
        try {
          const principal = await signIn(parsed.data, clientAddress(req?.headers?.["x-forwarded-for"], signInThrottleEnv().trustedProxies));
          return { id: principal.arn, principal } as never;
        } catch (err) {
          throw new Error(err instanceof SignInError ? err.message : "Sign-in failed. Try again.", { cause: err });
        }
      },
    }),
  ],
  callbacks: {
    // Where next-auth sends the browser after sign-in or sign-out: only somewhere on the console.
    async redirect({ url, baseUrl }) {
      return new URL(sameOriginPath(url, baseUrl), baseUrl).href;
    },
    async jwt({ token, user, trigger, session }) {
      if (user) token.principal = (user as unknown as { principal: Principal }).principal;
      delete token.switchOutcome;
      // Switch role and switch back (with data); without data, the password may have been changed: local-aws says.
      if (trigger === "update" && session !== undefined) return updateConsoleToken(token, session);
      const principal = token.principal as Principal | undefined;
      if (trigger === "update" && principal?.passwordResetRequired) {
        token.principal = { ...principal, passwordResetRequired: await mustStillChangePassword(principal) };
      }
      if (principal) token.exp = Math.floor(principal.credentials.expiration / 1000);
      return token;
    },
    async session({ session, token }) {
      const p = token.principal as Principal | undefined;
      if (p) {
        const { credentials: _omit, ...identity } = activeSession(token)?.principal ?? p;
        const switchRole = (token as ConsoleToken).switchOutcome;
        return { ...session, identity, ...(switchRole ? { switchRole } : {}), expires: new Date(p.credentials.expiration).toISOString() };
      }
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      await endConsoleSessions(token);
    },
  },
};
