import type { Handlers } from "../context";
import { accessDenied } from "../protocol/errors";
import { assumeRoleHandlers } from "./assume-role";
import { federationHandlers } from "./federation";
import { verifyMfa } from "./mfa";
import { rootSessionHandlers } from "./root-sessions";
import { createSession } from "./sessions";

export const stsHandlers: Handlers = {
  ...assumeRoleHandlers,
  ...federationHandlers,
  ...rootSessionHandlers,

  GetCallerIdentity(_input, ctx) {
    return { UserId: ctx.caller.userId, Account: ctx.caller.accountId, Arn: ctx.caller.arn };
  },

  GetSessionToken(input: { DurationSeconds?: number; SerialNumber?: string; TokenCode?: string }, ctx) {
    const { caller } = ctx;
    if (caller.session) throw accessDenied("Cannot call GetSessionToken with session credentials");
    const duration = input.DurationSeconds ?? (caller.type === "root" ? 3600 : 43200);
    if (caller.type === "root" && duration > 3600) {
      throw accessDenied("Roots may not request session tokens with a duration exceeding 1 hour.");
    }
    const mfa = verifyMfa(ctx, caller, input.SerialNumber, input.TokenCode);
    const principal =
      caller.type === "root"
        ? { type: "root" as const, accountId: caller.accountId }
        : { type: "user" as const, accountId: caller.accountId, userId: caller.userId };
    return {
      Credentials: createSession(ctx.db, principal, {
        durationSeconds: duration,
        source: "GetSessionToken",
        mfaAuthenticated: mfa,
        now: ctx.now,
      }),
    };
  },
};
